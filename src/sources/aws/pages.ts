// Every page of a paginated call, merged into one answer in the API's own shape (lists concatenated).

export type Body = Record<string, unknown>;

/** One answer: the merged body and how many requests it took. */
export interface Paged {
  readonly body: Body;
  readonly pages: number;
}

/**
 * Response fields that only drive paging (EC2/Resolver/v2 `NextToken`, API Gateway `position`, Lambda and
 * Route 53 `Marker`/`NextMarker`, Route 53 `IsTruncated`/`NextRecord*`) and the SDK's `$metadata`: dropped.
 */
const PAGING = new Set([
  '$metadata', 'NextToken', 'nextToken', 'position', 'Marker', 'NextMarker', 'IsTruncated', 'MaxItems',
  'MaxResults', 'NextRecordName', 'NextRecordType', 'NextRecordIdentifier',
]);

export function mergePages(pages: readonly object[]): Body {
  const out: Body = {};
  for (const page of pages) {
    for (const [k, v] of Object.entries(page)) {
      if (PAGING.has(k) || v === undefined) continue;
      const prev = out[k];
      if (Array.isArray(v)) out[k] = Array.isArray(prev) ? [...prev, ...v] : [...v];
      else if (!(k in out)) out[k] = v;
    }
  }
  return out;
}

/** Drains an SDK paginator (`paginateDescribeVpcs(...)`): it follows the tokens itself. */
export async function allPages(pages: AsyncIterable<object>): Promise<Paged> {
  const all: object[] = [];
  for await (const page of pages) all.push(page);
  return { body: mergePages(all), pages: all.length };
}

/** One request, not paginated (GetStages, GetHostedZone, DescribeAddresses). */
export async function single(answer: Promise<object>): Promise<Paged> {
  return { body: mergePages([await answer]), pages: 1 };
}

/**
 * For calls the SDK has no paginator for (apigatewayv2's Get*, DescribeVpcEndpointServices,
 * GetDomainNameAccessAssociations): request again with the token the last page gave until it gives none.
 * A token seen twice stops the loop rather than spin on a misbehaving endpoint.
 */
export async function followToken<P extends object>(
  fetch: (token: string | undefined) => Promise<P>, next: (page: P) => string | undefined,
): Promise<Paged> {
  const all: P[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    all.push(page);
    token = next(page) || undefined;
    if (token !== undefined && seen.has(token)) break;
    if (token !== undefined) seen.add(token);
  } while (token !== undefined);
  return { body: mergePages(all), pages: all.length };
}

/** The objects in a body's list, e.g. `listOf(body, 'Vpcs')`. */
export function listOf<T = Record<string, unknown>>(body: Body | undefined, key: string): T[] {
  const v = body?.[key];
  return Array.isArray(v) ? (v as T[]) : [];
}
