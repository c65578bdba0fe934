// Pages merged into one answer: lists concatenated, paging fields dropped, token loops stopped.
import { describe, expect, it } from 'vitest';
import { allPages, followToken, mergePages } from './pages.js';

describe('mergePages', () => {
  it('concatenates the lists of every page and drops paging fields and $metadata', () => {
    expect(mergePages([
      { Vpcs: [{ VpcId: 'a' }], NextToken: 't1', $metadata: { httpStatusCode: 200 } },
      { Vpcs: [{ VpcId: 'b' }], NextToken: 't2' },
      { Vpcs: [] },
    ])).toEqual({ Vpcs: [{ VpcId: 'a' }, { VpcId: 'b' }] });
  });

  it('merges several lists of one answer and keeps scalar fields of the first page', () => {
    expect(mergePages([
      { ServiceNames: ['s1'], ServiceDetails: [{ ServiceName: 's1' }], IsTruncated: true, MaxItems: 1, NextRecordName: 'x' },
      { ServiceNames: ['s2'], ServiceDetails: [{ ServiceName: 's2' }] },
    ])).toEqual({ ServiceNames: ['s1', 's2'], ServiceDetails: [{ ServiceName: 's1' }, { ServiceName: 's2' }] });
    expect(mergePages([{ HostedZone: { Id: 'Z1' }, VPCs: [] }])).toEqual({ HostedZone: { Id: 'Z1' }, VPCs: [] });
  });
});

describe('followToken and allPages', () => {
  it('asks again with each token until a page has none', async () => {
    const pages: Record<string, { Items: number[]; NextToken?: string }> = {
      start: { Items: [1], NextToken: 'a' }, a: { Items: [2], NextToken: 'b' }, b: { Items: [3] },
    };
    const asked: (string | undefined)[] = [];
    const out = await followToken(async (t) => { asked.push(t); return pages[t ?? 'start']!; }, (p) => p.NextToken);
    expect(out).toEqual({ body: { Items: [1, 2, 3] }, pages: 3 });
    expect(asked).toEqual([undefined, 'a', 'b']);
  });

  it('stops when an endpoint hands out the same token again', async () => {
    const out = await followToken(async () => ({ Items: [1], NextToken: 'same' }), (p) => p.NextToken);
    expect(out.pages).toBe(2);
  });

  it('drains an SDK-style paginator', async () => {
    async function* paginator() { yield { items: [1] }; yield { items: [2], position: 'p' }; }
    expect(await allPages(paginator())).toEqual({ body: { items: [1, 2] }, pages: 2 });
  });
});
