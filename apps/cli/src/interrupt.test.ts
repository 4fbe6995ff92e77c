import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir, tinyRun } from './cli-test-support.js';

const until = async (condition: () => boolean | Promise<boolean>, timeoutMs = 120_000) => {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
};
const checkpoints = async (run: string) =>
  existsSync(join(run, 'checkpoints')) ? (await readdir(join(run, 'checkpoints'))).sort() : [];

describe('interrupted runs', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} saves a checkpoint at the current iteration and exits ${code}`, async () => {
      const run = join(await tempDir(), 'run');
      const child = startCli(tinyRun(run, 1000, ['--sample-interval', '500']));
      let output = '';
      child.stderr?.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await until(() => output.includes('training into'));
      await new Promise((r) => setTimeout(r, 3000));
      child.kill(signal);
      expect(await exited, output).toBe(code);
      const stopped = Number(/stopped at iteration (\d+)/.exec(output)?.[1]);
      expect(stopped).toBeGreaterThan(0);
      expect(await checkpoints(run)).toEqual([`step-${String(stopped).padStart(7, '0')}`]);
      const resumed = await runCli([
        'train',
        '--resume',
        run,
        '--iterations',
        String(stopped + 2),
        '--backend',
        'wasm',
      ]);
      expect(resumed.code, resumed.output).toBe(0);
      expect(resumed.output).toContain(`resuming ${run} at iteration ${stopped}`);
    });
  }

  it('kill -9 loses at most one sample interval and leaves no file that breaks the resume', async () => {
    const run = join(await tempDir(), 'run');
    const child = startCli(tinyRun(run, 1000, ['--sample-interval', '1']));
    const exited = new Promise((resolve) => child.on('close', resolve));
    await until(async () => (await checkpoints(run)).length >= 2);
    child.kill('SIGKILL');
    await exited;
    const before = (await checkpoints(run)).filter((n) => !n.includes('.tmp'));
    const last = Number(before.at(-1)?.slice(5));
    const metrics = (await readFile(join(run, 'metrics.jsonl'), 'utf8')).trim().split('\n');
    const resumed = await runCli([
      'train',
      '--resume',
      run,
      '--iterations',
      String(last + 1),
      '--backend',
      'wasm',
    ]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output).toContain(`at iteration ${last}`);
    expect((await checkpoints(run)).some((n) => n.includes('.tmp'))).toBe(false);
    const steps = (await readFile(join(run, 'metrics.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).step);
    expect(steps).toEqual(Array.from({ length: last + 1 }, (_, i) => i + 1));
    expect(metrics.length).toBeGreaterThanOrEqual(last);
  });
});
