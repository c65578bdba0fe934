// The terminal progress line: redrawn in place, counting calls as they are found, erased at the end.
import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress.js';

describe('terminalProgress', () => {
  it('redraws one line with done/total and the current call, and erases it on close', () => {
    let written = '';
    let clock = 0;
    const p = terminalProgress({ write: (t: string) => { written += t; }, columns: 80 }, () => (clock += 100));
    p.queued();
    p.queued();
    p.started('ap-northeast-1 ec2 DescribeVpcs');
    p.finished();
    p.started('global route53 ListHostedZones');
    p.finished();
    expect(written).toContain('\r\x1b[2Kcollecting [1/2] ap-northeast-1 ec2 DescribeVpcs');
    expect(written).toContain('\r\x1b[2Kcollecting [2/2] global route53 ListHostedZones');
    expect(written).not.toContain('\n');
    written = '';
    p.close();
    expect(written).toBe('\r\x1b[2K');
  });

  it('cuts a line wider than the terminal', () => {
    let written = '';
    const p = terminalProgress({ write: (t: string) => { written += t; }, columns: 30 }, () => 1e6);
    p.started('111111111111 ap-northeast-1 apigateway GetBasePathMappings api.example.com');
    expect(written.replace('\r\x1b[2K', '').length).toBeLessThanOrEqual(29);
  });
});
