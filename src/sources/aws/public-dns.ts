// global/PublicDns.json: what public DNS answers for the custom domain names an account serves (opt-in).
import { Resolver } from 'node:dns/promises';

export type PublicDnsType = 'A' | 'CNAME';
/** Answers one query; throws a Node DNS error (`code` ENOTFOUND, ENODATA, ETIMEOUT ...) when it cannot. */
export type DnsLookup = (name: string, type: PublicDnsType) => Promise<string[]>;

export interface PublicDnsFile {
  PublicDnsAnswers: { name: string; type: PublicDnsType; value: string }[];
  /** Queries that got no answer for another reason than "no record of that type" (NXDOMAIN, timeouts); absent when none. */
  PublicDnsFailures?: { name: string; type: PublicDnsType; error: string }[];
}

/** The machine's resolvers, 3 s per try, 2 tries. */
export function systemLookup(): DnsLookup {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  return (name, type) => type === 'A' ? resolver.resolve4(name) : resolver.resolveCname(name);
}

/**
 * The names worth asking public DNS about: public custom domain names (REST `DomainNames.json` items that are
 * not PRIVATE, `DomainNamesV2.json` items). Wildcard names have no record of their own to ask for.
 */
export function publicDomainNames(restDomains: readonly unknown[], v2Domains: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const d of restDomains as { domainName?: string; domainNameId?: string; endpointConfiguration?: { types?: string[] } }[]) {
    if (d.domainName && !d.domainNameId && !d.endpointConfiguration?.types?.includes('PRIVATE')) names.add(d.domainName);
  }
  for (const d of v2Domains as { DomainName?: string }[]) if (d.DomainName) names.add(d.DomainName);
  return [...names].filter((n) => !n.startsWith('*')).sort();
}

/** Resolves each name (A and CNAME); when `lookup` is undefined (no --resolve-public-dns), asks nothing. */
export async function resolvePublicDns(names: readonly string[], lookup: DnsLookup | undefined): Promise<PublicDnsFile> {
  const answers: PublicDnsFile['PublicDnsAnswers'] = [];
  const failures: NonNullable<PublicDnsFile['PublicDnsFailures']> = [];
  if (!lookup) return { PublicDnsAnswers: answers };
  for (const name of names) {
    for (const type of ['CNAME', 'A'] as const) {
      try {
        for (const value of await lookup(name, type)) answers.push({ name, type, value });
      } catch (e) {
        const code = (e as { code?: string }).code ?? (e as Error).message;
        // ENODATA: the name exists without a record of this type (an A name has no CNAME): not a failure.
        if (code !== 'ENODATA') failures.push({ name, type, error: code });
      }
    }
  }
  return { PublicDnsAnswers: answers, ...(failures.length ? { PublicDnsFailures: failures } : {}) };
}
