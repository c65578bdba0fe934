// Writes a snapshot folder: every collected file, pretty-printed JSON, then manifest.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Manifest } from './manifest.js';
import { SNAPSHOT_FORMAT } from './manifest.js';

/** The files of a snapshot in the making, by path relative to the snapshot folder. */
export class SnapshotFiles {
  private readonly files = new Map<string, unknown>();
  put(path: string, body: unknown): void { this.files.set(path, body); }
  get(path: string): unknown { return this.files.get(path); }
  paths(): string[] { return [...this.files.keys()].sort(); }
}

/**
 * Why `dir` cannot receive a snapshot, or undefined when it can: it must not exist, be empty, or hold an earlier
 * vpcpath snapshot (which is then replaced whole, so no file of the old one lingers).
 */
export function outDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    return `--out ${dir}: ${(e as Error).message}`;
  }
  if (entries.length === 0 || isVpcpathSnapshot(dir)) return undefined;
  return `--out ${dir} exists and is not a vpcpath snapshot; give a new or empty folder`;
}

function isVpcpathSnapshot(dir: string): boolean {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).format === SNAPSHOT_FORMAT;
  } catch {
    return false;
  }
}

export function writeSnapshot(dir: string, files: SnapshotFiles, manifest: Manifest): string[] {
  rmSync(join(dir, 'aws_configs'), { recursive: true, force: true });
  const written: string[] = [];
  for (const path of files.paths()) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, `${JSON.stringify(files.get(path), null, 2)}\n`);
    written.push(path);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return [...written, 'manifest.json'];
}

/** A folder name for a resource key: domain names keep their dots and `*`; only path separators are replaced. */
export function folderName(key: string): string {
  return key.replace(/[/\\]/g, '_');
}
