// Reading fields of AWS API answers (plain JSON of unknown shape) without trusting the shape.

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A non-empty string field. */
export function str(o: Obj | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A boolean field; the AWS CLI's text form (`"true"`) is read too. */
export function bool(o: Obj | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

export function num(o: Obj | undefined, key: string): number | undefined {
  const v = o?.[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

export function obj(o: Obj | undefined, key: string): Obj | undefined {
  const v = o?.[key];
  return isObj(v) ? v : undefined;
}

/** The objects of an array field (anything else in it is skipped). */
export function objs(o: Obj | undefined, key: string): Obj[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter(isObj) : [];
}

/** The strings of an array field. */
export function strs(o: Obj | undefined, key: string): string[] {
  const v = o?.[key];
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : [];
}

/**
 * The `Name` tag: EC2 lists tags as `Tags` (or `TagSet` on network interfaces) of `{ Key, Value }`; API Gateway
 * and Lambda as a map (`tags`, `Tags`).
 */
export function nameTag(o: Obj): string | undefined {
  for (const key of ['Tags', 'TagSet', 'tags']) {
    const v = o[key];
    if (Array.isArray(v)) {
      const tag = v.filter(isObj).find((t) => t.Key === 'Name');
      if (tag && typeof tag.Value === 'string' && tag.Value !== '') return tag.Value;
    } else if (isObj(v) && typeof v.Name === 'string' && v.Name !== '') {
      return v.Name;
    }
  }
  return undefined;
}

/** `{ name }` when there is one, for spreading into an element. */
export function named(name: string | undefined): { name?: string } {
  return name ? { name } : {};
}
