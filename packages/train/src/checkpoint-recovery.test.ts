import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkManifest, MANIFEST_FILE, writeManifest } from './checkpoint-manifest.js';
import { newestIntactCheckpoint } from './checkpoint-recovery.js';

/**
 * A run folder with sealed checkpoints at `steps`, each holding small stand-ins for the real files
 * (a state, a model.json and its weights): the manifest and recovery logic do not read them as models.
 */
async function fakeRun(steps: number[]): Promise<{ runDir: string; dirs: string[] }> {
  const runDir = await mkdtemp(join(tmpdir(), 'dcgan-recovery-'));
  const dirs: string[] = [];
  for (const step of steps) {
    const dir = join(runDir, 'checkpoints', `step-${String(step).padStart(7, '0')}`);
    await mkdir(join(dir, 'generator'), { recursive: true });
    await writeFile(join(dir, 'state.json'), JSON.stringify({ step, manifest: MANIFEST_FILE }));
    await writeFile(join(dir, 'generator', 'model.json'), '{"modelTopology":{}}');
    await writeFile(join(dir, 'generator', 'weights.bin'), new Uint8Array(64).fill(step));
    await writeManifest(dir);
    dirs.push(dir);
  }
  return { runDir, dirs };
}

const flipByte = async (path: string, at: number) => {
  const bytes = await readFile(path);
  bytes[at] = (bytes[at] as number) ^ 0xff;
  await writeFile(path, bytes);
};

const lines: string[] = [];
const report = (line: string) => lines.push(line);

describe('checkpoint manifests', () => {
  it('verify a sealed checkpoint and name the file that is truncated, flipped or missing', async () => {
    const { dirs } = await fakeRun([1]);
    const dir = dirs[0] as string;
    const weights = join(dir, 'generator', 'weights.bin');
    expect(await checkManifest(dir)).toEqual({ kind: 'verified', files: 3 });
    await flipByte(weights, 10);
    expect(await checkManifest(dir)).toMatchObject({ file: weights, reason: 'checksum' });
    await writeFile(weights, new Uint8Array(10));
    expect(await checkManifest(dir)).toMatchObject({
      file: weights,
      reason: 'size',
      problem: '10 bytes, expected 64 by the manifest',
    });
    await rm(weights);
    expect(await checkManifest(dir)).toMatchObject({ file: weights, reason: 'missing' });
  });

  it('tell an old checkpoint (no manifest) from one whose manifest was lost or cut short', async () => {
    const { dirs } = await fakeRun([1, 2, 3]);
    const [old, lost, interrupted] = dirs as [string, string, string];
    await rm(join(old, MANIFEST_FILE));
    await writeFile(join(old, 'state.json'), JSON.stringify({ step: 1 }));
    expect(await checkManifest(old)).toEqual({
      kind: 'unverified',
      note: 'no manifest: not verified',
    });
    await rm(join(lost, MANIFEST_FILE));
    expect(await checkManifest(lost)).toMatchObject({ kind: 'damaged', reason: 'missing' });
    // A kill -9 during the manifest's write leaves its temporary file and no manifest.
    await rm(join(interrupted, MANIFEST_FILE));
    await writeFile(join(interrupted, `${MANIFEST_FILE}.tmp-123-abcd`), '{"format":1,"fi');
    expect(await checkManifest(interrupted)).toMatchObject({
      kind: 'damaged',
      reason: 'interrupted',
      file: join(interrupted, MANIFEST_FILE),
    });
  });

  it('refuse a manifest that is not JSON or lists a path outside the checkpoint', async () => {
    const { dirs } = await fakeRun([1]);
    const dir = dirs[0] as string;
    await writeFile(join(dir, MANIFEST_FILE), '{"format":1,"files":[');
    expect(await checkManifest(dir)).toMatchObject({ reason: 'manifest' });
    const outside = { path: '../x', bytes: 1, sha256: '0'.repeat(64) };
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify({ format: 1, files: [outside] }));
    expect(await checkManifest(dir)).toMatchObject({ reason: 'manifest' });
  });
});

describe('resuming from the newest intact checkpoint', () => {
  for (const [damage, reason] of [
    ['truncated', 'size'],
    ['flipped', 'checksum'],
    ['missing', 'missing'],
    ['manifest-lost', 'missing'],
    ['manifest-interrupted', 'interrupted'],
  ] as const) {
    it(`skips a newest checkpoint with a ${damage} file and sets it aside`, async () => {
      const { runDir, dirs } = await fakeRun([2, 4, 6]);
      const newest = dirs[2] as string;
      const weights = join(newest, 'generator', 'weights.bin');
      if (damage === 'truncated') await writeFile(weights, new Uint8Array(3));
      if (damage === 'flipped') await flipByte(weights, 0);
      if (damage === 'missing') await rm(weights);
      if (damage.startsWith('manifest')) await rm(join(newest, MANIFEST_FILE));
      if (damage === 'manifest-interrupted')
        await writeFile(join(newest, `${MANIFEST_FILE}.tmp-1-2`), '');
      lines.length = 0;
      expect(await newestIntactCheckpoint(runDir, { setAside: true, report })).toBe(dirs[1]);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`skipping damaged checkpoint ${newest}`);
      expect(lines[0]).toContain(`set aside as step-0000006.damaged-${reason}`);
      expect(await readdir(join(runDir, 'checkpoints'))).toEqual([
        'step-0000002',
        'step-0000004',
        `step-0000006.damaged-${reason}`,
      ]);
    });
  }

  it('reports without renaming when not asked to set aside, and numbers a second set-aside', async () => {
    const { runDir, dirs } = await fakeRun([2, 4]);
    await flipByte(join(dirs[1] as string, 'state.json'), 1);
    lines.length = 0;
    expect(await newestIntactCheckpoint(runDir, { report })).toBe(dirs[0]);
    expect(existsSync(dirs[1] as string)).toBe(true);
    await newestIntactCheckpoint(runDir, { setAside: true });
    await mkdir(dirs[1] as string);
    await writeFile(join(dirs[1] as string, 'state.json'), '{}');
    await writeFile(join(dirs[1] as string, `${MANIFEST_FILE}.tmp-1`), '');
    await newestIntactCheckpoint(runDir, { setAside: true });
    expect(await readdir(join(runDir, 'checkpoints'))).toEqual([
      'step-0000002',
      'step-0000004.damaged-checksum',
      'step-0000004.damaged-interrupted',
    ]);
  });

  it('takes an old checkpoint without manifest, with a note', async () => {
    const { runDir, dirs } = await fakeRun([2]);
    const dir = dirs[0] as string;
    await rm(join(dir, MANIFEST_FILE));
    await writeFile(join(dir, 'state.json'), JSON.stringify({ step: 2 }));
    lines.length = 0;
    expect(await newestIntactCheckpoint(runDir, { setAside: true, report })).toBe(dir);
    expect(lines).toEqual([`${dir}: no manifest: not verified`]);
  });

  it('says so and lists what it found when every checkpoint is damaged, setting none aside', async () => {
    const { runDir, dirs } = await fakeRun([2, 4]);
    await flipByte(join(dirs[0] as string, 'generator', 'weights.bin'), 5);
    await rm(join(dirs[1] as string, 'generator', 'model.json'));
    const error = await newestIntactCheckpoint(runDir, { setAside: true }).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain('no intact checkpoint; found 2:');
    expect(error.message).toContain(`step-0000004: ${join(dirs[1] as string, 'generator')}`);
    expect(error.message).toMatch(/step-0000002: .*weights\.bin: SHA-256/);
    expect(await readdir(join(runDir, 'checkpoints'))).toEqual(['step-0000002', 'step-0000004']);
  });

  it('returns nothing for a run without checkpoints', async () => {
    const { runDir } = await fakeRun([]);
    expect(await newestIntactCheckpoint(runDir)).toBeUndefined();
  });
});
