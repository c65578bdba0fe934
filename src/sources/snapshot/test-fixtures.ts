// Hand-made snapshot folders for the tests, written to a temporary directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadSnapshot } from './index.js';

const written: string[] = [];

/** Writes `files` (path -> JSON value, or raw text) under a new temporary folder and returns it. */
export function writeSnapshot(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'vpcpath-snapshot-'));
  written.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, typeof content === 'string' ? content : `${JSON.stringify(content, null, 1)}\n`);
  }
  return root;
}

/** Removes the folders writeSnapshot made (an afterAll of the tests that use it directly). */
export function removeSnapshots(): void {
  for (const root of written.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Writes and loads a snapshot, shown as `snap`, and removes it. */
export function load(files: Record<string, unknown>, options: { region?: string; account?: string } = {}) {
  const root = writeSnapshot(files);
  try {
    return loadSnapshot(root, { displayPath: 'snap', ...options });
  } finally {
    rmSync(root, { recursive: true, force: true });
    written.splice(written.indexOf(root), 1);
  }
}

export const tags = (name: string) => [{ Key: 'Name', Value: name }];
