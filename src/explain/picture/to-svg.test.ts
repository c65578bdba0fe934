// The SVG of the seed's captured path and of its fix hold the boxes they must; the checked-in pictures are current.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MERMAID_END, MERMAID_START, ROOT, seedPictures, seedTraces, withMermaid } from '../../../scripts/pictures.js';
import { renderBeforeAfter, renderPathPicture } from './index.js';
import { xmlError } from './test-fixtures.js';

/** The text the SVG shows (Graphviz writes each label line as a <text> element). */
const shown = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#39;/g, '\'')).join('\n');
/** The `class` of the SVG group Graphviz makes for a node of this id. */
const classOf = (svg: string, id: string) => new RegExp(`<g id="${id}" class="([^"]*)"`).exec(svg)?.[1];

describe('SVG of the seed', () => {
  const { captured, fixed } = seedTraces();

  it('captured: AppInstance in PublicSubnet in the VPC, ApiEndpoint, the 403 stop marker, no internet gateway', async () => {
    const svg = await renderPathPicture(captured, 'svg');
    expect(xmlError(svg)).toBeUndefined();
    expect(svg).toMatch(/<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const text = shown(svg);
    for (const box of ['AppInstance', 'subnet PublicSubnet', 'VPC Vpc · 10.0.0.0/16', 'ApiEndpoint', '✗ HTTP 403 ForbiddenException']) {
      expect(text).toContain(box);
    }
    expect(classOf(svg, 'p_workload')).toBe('node workload');
    expect(classOf(svg, 'p_stop')).toBe('node outcome stop');
    expect(svg).toMatch(/<g id="cluster_p_vpc" class="cluster vpc">[\s\S]*<g id="cluster_p_subnet" class="cluster subnet">/);
    expect(svg).not.toContain('InternetGateway');
    expect(svg).not.toMatch(/class="[^"]*reached/);
  });

  it('fixed: AppInstance, InternetGateway, CloudFront, API Gateway and PublicApi, and the reached marker', async () => {
    const svg = await renderPathPicture(fixed, 'svg');
    expect(xmlError(svg)).toBeUndefined();
    const text = shown(svg);
    for (const box of ['AppInstance', 'InternetGateway', 'Internet', 'CloudFront', 'API Gateway', 'PublicApi', 'ApiDomain', '✓ reached the API\'s integration']) {
      expect(text).toContain(box);
    }
    expect(svg).toMatch(/class="node integration reached"/);
    expect(svg).not.toMatch(/class="[^"]*\bstop\b/);
  });

  it('before and after share one picture, in two clusters', async () => {
    const svg = await renderBeforeAfter(captured, fixed, 'svg');
    expect(xmlError(svg)).toBeUndefined();
    expect(svg).toContain('<g id="cluster_before" class="cluster panel">');
    expect(svg).toContain('<g id="cluster_after" class="cluster panel">');
    expect(classOf(svg, 'before_stop')).toBe('node outcome stop');
    expect(svg).toMatch(/class="node integration reached"/);
    const text = shown(svg);
    expect(text.indexOf('before')).toBeLessThan(text.indexOf('after'));
  });
});

describe('the checked-in pictures', () => {
  it('docs/images and the README\'s Mermaid block are what `npm run pictures` draws today', async () => {
    const { svg, mermaid } = await seedPictures();
    for (const [file, text] of Object.entries(svg)) {
      expect(readFileSync(`${ROOT}${file}`, 'utf8'), `${file} is stale: run npm run pictures`).toBe(text);
    }
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    expect(readme).toContain(MERMAID_START);
    expect(readme).toContain(MERMAID_END);
    expect(withMermaid(readme, mermaid), 'the README\'s Mermaid block is stale: run npm run pictures').toBe(readme);
    expect(readme).toContain('](docs/images/seed-captured.svg)');
    expect(readme).toContain('](docs/images/seed-fixed.svg)');
  });
});

describe('xmlError', () => {
  it.each([
    ['<svg><g></g></svg>', undefined],
    ['<svg><g></svg>', '</svg> closes <g>'],
    ['<svg><text>a < b</text></svg>', 'stray'],
    ['<svg/><svg/>', '2 root elements'],
  ])('%s', (xml, error) => {
    const found = xmlError(xml);
    if (error === undefined) expect(found).toBeUndefined();
    else expect(found).toContain(error);
  });
});
