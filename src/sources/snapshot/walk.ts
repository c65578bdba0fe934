// The files of a snapshot's aws_configs/ folder, each placed: account, region (or flat, or global) and sub-folder.
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface Place {
  /** From `accounts/<account>/`; absent in a one-account layout. */
  readonly account?: string;
  /** From `<region>/`; absent for a flat layout (files straight under aws_configs/) and for global files. */
  readonly region?: string;
  readonly global: boolean;
  /** Folders between the region (or global, or flat) folder and the file: `apigateway/restapis/<api-id>`. */
  readonly sub: readonly string[];
}

export interface WalkedFile {
  readonly abs: string;
  /** Path inside the snapshot folder, with `/`. */
  readonly rel: string;
  readonly name: string;
  readonly place: Place;
}

/** `us-east-1`, `us-gov-west-1`, `ap-southeast-2`, `cn-north-1`. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;

export function isRegionName(name: string): boolean {
  return REGION.test(name);
}

/** Every `.json` file under `aws_configs/`, sorted; other files are returned apart, to be noted. */
export function walkSnapshot(root: string): { files: WalkedFile[]; others: string[] } {
  const files: WalkedFile[] = [];
  const others: string[] = [];
  const visit = (dir: string, segments: string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    const prefix = ['aws_configs', ...segments, ''].join('/');
    let place: Place | undefined;
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const abs = join(dir, name);
      const rel = prefix + name;
      // The entry's type as the folder lists it; a link (or a type the file system does not say) is followed.
      let isDir = entry.isDirectory();
      if (!isDir && !entry.isFile()) {
        try {
          isDir = statSync(abs).isDirectory();
        } catch {
          continue;
        }
      }
      if (isDir) visit(abs, [...segments, name]);
      else if (name.toLowerCase().endsWith('.json')) files.push({ abs, rel, name, place: (place ??= placeOf(segments)) });
      else others.push(rel);
    }
  };
  visit(join(root, 'aws_configs'), []);
  return { files, others };
}

/** Where a file sits: `accounts/<account>/`, then `global/`, `<region>/`, or nothing (a flat, older Batfish layout). */
function placeOf(folders: readonly string[]): Place {
  let rest = folders;
  let account: string | undefined;
  if (rest[0] === 'accounts' && rest.length >= 2) {
    account = rest[1];
    rest = rest.slice(2);
  }
  const base = account ? { account } : {};
  if (rest[0] === 'global') return { ...base, global: true, sub: rest.slice(1) };
  if (rest[0] !== undefined && isRegionName(rest[0])) return { ...base, region: rest[0], global: false, sub: rest.slice(1) };
  return { ...base, global: false, sub: rest };
}
