// Bad input is data: IP parsing returns a value or an error message, never throws.

export type IpResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function ok<T>(value: T): IpResult<T> {
  return { ok: true, value };
}

export function err<T>(error: string): IpResult<T> {
  return { ok: false, error };
}
