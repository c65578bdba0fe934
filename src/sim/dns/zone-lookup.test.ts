// Record lookup inside one zone (exact, RFC 4592 wildcards, NODATA) and the name helpers it rests on.
import { describe, expect, it } from 'vitest';
import type { RecordSet } from '../../model/index.js';
import { ancestors, isAtOrBelow, mostSpecificPattern, normalizeName } from './names.js';
import { a, alias, cname } from './test-fixtures.js';
import { lookupRecord } from './zone-lookup.js';

const ZONE = 'example.com';
const txt = (name: string): RecordSet => ({ name, type: 'TXT', values: ['"v"'] });

describe('lookupRecord', () => {
  const table: { title: string; records: RecordSet[]; name: string; kind: string; owner?: string; values?: string[] }[] = [
    { title: 'exact A', records: [a('www.example.com', '192.0.2.1')], name: 'www.example.com', kind: 'a', values: ['192.0.2.1'] },
    { title: 'several A records of one name', records: [a('www.example.com', '192.0.2.1'), a('www.example.com', '192.0.2.2')],
      name: 'www.example.com', kind: 'a', values: ['192.0.2.1', '192.0.2.2'] },
    { title: 'exact CNAME', records: [cname('www.example.com', 'x.net')], name: 'www.example.com', kind: 'cname' },
    { title: 'alias', records: [alias('www.example.com', 'd1.cloudfront.net')], name: 'www.example.com', kind: 'alias' },
    { title: 'no record: NXDOMAIN', records: [a('www.example.com', '192.0.2.1')], name: 'api.example.com', kind: 'nxdomain' },
    { title: 'other types only (NODATA) count as NXDOMAIN', records: [txt('www.example.com')], name: 'www.example.com', kind: 'nxdomain' },
    { title: 'wildcard covers one label', records: [a('*.example.com', '192.0.2.9')], name: 'x.example.com', kind: 'a', owner: '*.example.com' },
    { title: 'wildcard covers several labels', records: [a('*.example.com', '192.0.2.9')], name: 'x.y.example.com', kind: 'a' },
    { title: 'wildcard does not cover the apex', records: [a('*.example.com', '192.0.2.9')], name: 'example.com', kind: 'nxdomain' },
    { title: 'an exact record beats the wildcard', records: [a('*.example.com', '192.0.2.9'), a('x.example.com', '192.0.2.1')],
      name: 'x.example.com', kind: 'a', values: ['192.0.2.1'] },
    { title: 'the closest encloser blocks a higher wildcard (RFC 4592)', records: [a('*.example.com', '192.0.2.9'), a('b.example.com', '192.0.2.1')],
      name: 'a.b.example.com', kind: 'nxdomain' },
    { title: 'the wildcard at the closest encloser answers', records: [a('*.example.com', '192.0.2.9'), a('*.b.example.com', '192.0.2.7')],
      name: 'a.b.example.com', kind: 'a', values: ['192.0.2.7'] },
    { title: 'an empty non-terminal is not covered by the wildcard', records: [a('*.example.com', '192.0.2.9'), a('x.b.example.com', '192.0.2.1')],
      name: 'b.example.com', kind: 'nxdomain' },
    { title: 'a record with an unknown name makes a miss unknown', records: [{ name: { kind: 'unknown', reason: 'parameter' }, type: 'A', values: [] }],
      name: 'www.example.com', kind: 'unknown' },
    { title: 'a record with an unknown value is unknown', records: [{ name: 'www.example.com', type: 'A', values: [{ kind: 'unknown', reason: 'GetAtt' }] }],
      name: 'www.example.com', kind: 'unknown' },
  ];
  it.each(table)('$title', ({ records, name, kind, owner, values }) => {
    const m = lookupRecord(records, ZONE, name, 'zone');
    expect(m.kind).toBe(kind);
    if (owner && 'owner' in m) expect(m.owner).toBe(owner);
    if (values && m.kind === 'a') expect(m.values).toEqual(values);
  });
});

describe('names', () => {
  it('normalizes case and one trailing dot', () => {
    expect(normalizeName(' Api.Example.COM. ')).toBe('api.example.com');
  });
  it('matches a domain and names below it, and the root holds all', () => {
    expect(isAtOrBelow('a.example.com', 'example.com')).toBe(true);
    expect(isAtOrBelow('example.com', 'example.com')).toBe(true);
    expect(isAtOrBelow('badexample.com', 'example.com')).toBe(false);
    expect(isAtOrBelow('anything', '')).toBe(true);
  });
  it('lists parents nearest first up to the zone', () => {
    expect(ancestors('a.b.example.com', 'example.com')).toEqual(['b.example.com', 'example.com']);
    expect(ancestors('example.com', 'example.com')).toEqual([]);
  });
  it('prefers an exact pattern, then the longest wildcard', () => {
    const items = ['*.com', '*.example.com', 'x.example.com'];
    expect(mostSpecificPattern(items, (p) => p, 'x.example.com')).toEqual(['x.example.com']);
    expect(mostSpecificPattern(items, (p) => p, 'y.example.com')).toEqual(['*.example.com']);
    expect(mostSpecificPattern(items, (p) => p, 'example.org')).toEqual([]);
  });
});
