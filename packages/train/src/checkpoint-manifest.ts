import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '@dcgan/models/node';

/** The file that lists every other file of a checkpoint with its size and SHA-256; written last. */
export const MANIFEST_FILE = 'manifest.json';

/** One file of a checkpoint, as its manifest records it. */
export interface ManifestEntry {
  /** Path inside the checkpoint folder, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

/** A checkpoint's `manifest.json`. */
export interface CheckpointManifest {
  format: 1;
  files: ManifestEntry[];
}

/** What checking a checkpoint's files against its manifest found. */
export type ManifestCheck =
  | { kind: 'verified'; files: number }
  | { kind: 'unverified'; note: string }
  | { kind: 'damaged'; file: string; reason: DamageReason; problem: string };

/** Why a checkpoint failed its check, short enough to name a folder set aside. */
export type DamageReason = 'missing' | 'size' | 'checksum' | 'manifest' | 'interrupted' | 'state';

/** SHA-256 of bytes, as hex. */
export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes `dir/manifest.json` (atomically) listing every file under `dir` with its size and
 * SHA-256. Called once the checkpoint's other files are complete: its presence marks a complete
 * checkpoint.
 */
export async function writeManifest(dir: string): Promise<CheckpointManifest> {
  const files: ManifestEntry[] = [];
  for (const path of await listFiles(dir)) {
    const bytes = await readFile(join(dir, path));
    files.push({ path, bytes: bytes.length, sha256: sha256(bytes) });
  }
  const manifest: CheckpointManifest = { format: 1, files };
  await writeFileAtomic(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Checks every file that `dir/manifest.json` lists: present, of its size, of its SHA-256. A
 * folder without a manifest is `unverified` (a checkpoint written before manifests existed),
 * unless a manifest's temporary file shows that its write was cut short, or its state says that
 * it was sealed by one: then it is `damaged`. Files the manifest does not list (an `eval.json`
 * written later) are not checked.
 */
export async function checkManifest(dir: string): Promise<ManifestCheck> {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) return checkUnsealed(dir);
  let manifest: CheckpointManifest;
  try {
    manifest = parseManifest(await readFile(manifestPath, 'utf8'));
  } catch (error) {
    return damaged(manifestPath, 'manifest', (error as Error).message);
  }
  for (const entry of manifest.files) {
    const path = join(dir, entry.path);
    if (!existsSync(path)) return damaged(path, 'missing', 'missing file listed in the manifest');
    const { size } = await stat(path);
    if (size !== entry.bytes)
      return damaged(path, 'size', `${size} bytes, expected ${entry.bytes} by the manifest`);
    const actual = sha256(await readFile(path));
    if (actual !== entry.sha256)
      return damaged(path, 'checksum', `SHA-256 ${actual}, expected ${entry.sha256}`);
  }
  return { kind: 'verified', files: manifest.files.length };
}

/** Throws an error naming the failing file when `dir` fails its manifest. */
export async function assertManifest(dir: string): Promise<ManifestCheck> {
  const check = await checkManifest(dir);
  if (check.kind === 'damaged') throw new Error(describeCheck(check));
  return check;
}

/** One line for a check: `FILE: PROBLEM`, `N files verified` or the note. */
export function describeCheck(check: ManifestCheck): string {
  if (check.kind === 'damaged') return `${check.file}: ${check.problem}`;
  if (check.kind === 'verified') return `${check.files} files verified`;
  return check.note;
}

/** Parses a manifest's text, refusing anything but `{ format: 1, files: [{ path, bytes, sha256 }] }`. */
export function parseManifest(text: string): CheckpointManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`);
  }
  const manifest = value as CheckpointManifest;
  if (manifest?.format !== 1 || !Array.isArray(manifest.files))
    throw new Error('expected { "format": 1, "files": [...] }');
  for (const entry of manifest.files) {
    const valid =
      typeof entry?.path === 'string' &&
      !entry.path.split('/').includes('..') &&
      Number.isInteger(entry.bytes) &&
      entry.bytes >= 0 &&
      typeof entry.sha256 === 'string' &&
      /^[0-9a-f]{64}$/.test(entry.sha256);
    if (!valid) throw new Error(`invalid entry ${JSON.stringify(entry)?.slice(0, 200)}`);
  }
  return manifest;
}

async function checkUnsealed(dir: string): Promise<ManifestCheck> {
  const entries = existsSync(dir) ? await readdir(dir) : [];
  const manifestPath = join(dir, MANIFEST_FILE);
  if (entries.some((entry) => entry.startsWith(`${MANIFEST_FILE}.tmp-`)))
    return damaged(manifestPath, 'interrupted', 'missing: its write was interrupted');
  const statePath = join(dir, 'state.json');
  if (!existsSync(statePath)) return damaged(statePath, 'missing', 'missing checkpoint state');
  let state: { manifest?: unknown };
  try {
    state = JSON.parse(await readFile(statePath, 'utf8'));
  } catch (error) {
    return damaged(statePath, 'state', `not valid JSON (${(error as Error).message})`);
  }
  if (state?.manifest === MANIFEST_FILE)
    return damaged(manifestPath, 'missing', 'missing, though state.json says it was written');
  return { kind: 'unverified', note: 'no manifest: not verified' };
}

const damaged = (file: string, reason: DamageReason, problem: string): ManifestCheck => ({
  kind: 'damaged',
  file,
  reason,
  problem,
});

/** Every file under `dir`, relative with `/` separators, sorted; temporary files left out. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.includes('.tmp-'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => path !== MANIFEST_FILE)
    .sort();
}
