// `npm run pictures`: draws the seed's captured path and its fix into docs/images/ and the README's Mermaid block.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderPathPicture } from '../src/explain/picture/index.js';
import { load, trace, type Trace } from '../src/index.js';
import { substitute } from '../src/scenario/substitute.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED = `${ROOT}examples/seed/`;

/** The README's Mermaid block sits between these two lines. */
export const MERMAID_START = '<!-- pictures: seed-captured (npm run pictures) -->';
export const MERMAID_END = '<!-- /pictures -->';

/** The seed story's two calls from AppInstance: the default URL (403) and the EDGE custom domain (reached). */
export function seedTraces(): { captured: Trace; fixed: Trace } {
  const loaded = load([`${SEED}network.yaml`, `${SEED}api.yaml`], { region: 'ap-northeast-1', factsFile: `${SEED}facts.yaml` });
  if (loaded.problems.length) throw new Error(`the seed does not load: ${JSON.stringify(loaded.problems)}`);
  const at = (url: string) => {
    const s = substitute(url, { model: loaded.model, region: loaded.region, account: loaded.account });
    if (s.kind !== 'value') throw new Error(`cannot write out ${url}`);
    return trace(loaded.model, { from: 'AppInstance', url: s.value });
  };
  return {
    captured: at('https://${PublicApi}.execute-api.${AWS::Region}.amazonaws.com/dev/items'),
    fixed: at('https://api.example.com/items'),
  };
}

/** What `npm run pictures` writes: file (relative to the repository) -> content. */
export async function seedPictures(): Promise<{ svg: Record<string, string>; mermaid: string }> {
  const { captured, fixed } = seedTraces();
  return {
    svg: {
      'docs/images/seed-captured.svg': await renderPathPicture(captured, 'svg'),
      'docs/images/seed-fixed.svg': await renderPathPicture(fixed, 'svg'),
    },
    mermaid: await renderPathPicture(captured, 'mermaid'),
  };
}

/** The README with its Mermaid block replaced by `mermaid`. */
export function withMermaid(readme: string, mermaid: string): string {
  const start = readme.indexOf(MERMAID_START);
  const end = readme.indexOf(MERMAID_END, start);
  if (start < 0 || end < 0) throw new Error(`README.md has no ${MERMAID_START} ... ${MERMAID_END} block`);
  return `${readme.slice(0, start + MERMAID_START.length)}\n\`\`\`mermaid\n${mermaid}\`\`\`\n${readme.slice(end)}`;
}

async function main(): Promise<void> {
  const { svg, mermaid } = await seedPictures();
  for (const [file, text] of Object.entries(svg)) {
    writeFileSync(`${ROOT}${file}`, text);
    console.log(`wrote ${file}`);
  }
  const readme = `${ROOT}README.md`;
  writeFileSync(readme, withMermaid(readFileSync(readme, 'utf8'), mermaid));
  console.log('wrote the Mermaid block of README.md');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
