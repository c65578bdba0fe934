// `vpcpath trace --format`: text, json (and its --json alias), and the path as Mermaid or SVG; exit codes unchanged.
import { describe, expect, it } from 'vitest';
import { xmlError } from '../src/explain/picture/test-fixtures.js';
import { REPO } from './support/shared.js';
import { runCli } from './support/run-cli.js';

const seed = (f: string) => `${REPO}examples/seed/${f}`;
const trace = (...args: string[]) => runCli('trace', seed('network.yaml'), seed('api.yaml'), '--region', 'ap-northeast-1',
  '--facts', seed('facts.yaml'), '--from', 'AppInstance', ...args);
const CAPTURED = 'https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items';

describe('vpcpath trace --format', () => {
  it('svg prints an SVG of the path, and exits 1 for the 403', async () => {
    const run = await trace('--url', CAPTURED, '--format', 'svg');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^<\?xml [^>]*\?>\s*<!DOCTYPE svg/);
    expect(run.stdout).toContain('<svg ');
    expect(run.stdout.trimEnd().endsWith('</svg>')).toBe(true);
    expect(xmlError(run.stdout)).toBeUndefined();
    expect(run.stdout).toContain('ApiEndpoint');
    expect(run.stdout).toContain('HTTP 403 ForbiddenException');
  });

  it('svg of the custom domain exits 0 and ends at the integration', async () => {
    const run = await trace('--url', 'https://api.example.com/items', '--format', 'svg');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('class="node integration reached"');
  });

  it('mermaid prints a flowchart', async () => {
    const run = await trace('--url', CAPTURED, '--format', 'mermaid');
    expect(run.code).toBe(1);
    expect(run.stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(run.stdout).toContain('ApiEndpoint');
  });

  it('json is what --json prints; text is the default and links the cause page', async () => {
    const json = await trace('--url', CAPTURED, '--format', 'json');
    const alias = await trace('--url', CAPTURED, '--json');
    expect(json.stdout).toBe(alias.stdout);
    expect(JSON.parse(json.stdout).cause.code).toBe('public-api-via-vpc-endpoint');
    const text = await trace('--url', CAPTURED);
    expect(text.stdout).toBe((await trace('--url', CAPTURED, '--format', 'text')).stdout);
    expect(text.stdout).toContain('More: docs/causes/public-api-via-vpc-endpoint.md');
  });

  it('refuses an unknown format and a --json that contradicts --format (exit 2)', async () => {
    const unknown = await trace('--url', CAPTURED, '--format', 'png');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are text, json, mermaid, svg');
    const both = await trace('--url', CAPTURED, '--format', 'svg', '--json');
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
  });

  it('a bad input is still exit 2 with a picture format', async () => {
    const run = await trace('--url', 'https://${NoSuchResource}.example.com/', '--format', 'svg');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});
