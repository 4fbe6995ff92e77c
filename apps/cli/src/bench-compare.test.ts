import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './cli-test-support.js';
import { type BenchResult, profileRowName } from './commands/bench.js';
import { parseReference, summarizeRounds } from './commands/bench-compare.js';
import { formatProfile } from './commands/run-bench.js';

/** A reference bench that records the thread count it was given and prints `json`. */
async function fakeReference(json: string): Promise<{ command: string; argsFile: string }> {
  const dir = await tempDir();
  const command = join(dir, 'reference');
  const argsFile = join(dir, 'args');
  await writeFile(
    command,
    `#!/bin/sh\necho "$@" >> ${argsFile}\necho 'warming up'\necho '${json}'\n`,
  );
  await chmod(command, 0o755);
  return { command, argsFile };
}

/** Runs `dcgan bench --compare` at batch 8 on 1 thread against a fake reference that prints `batchSize`. */
async function compareWithFake(batchSize: number, rounds: number) {
  const json = `{"reference":"fake","threads":1,"batchSize":${batchSize},"iterationsPerSecond":2,"inferenceImagesPerSecond":100}`;
  const { command, argsFile } = await fakeReference(json);
  const args = ['--threads', '1', 'bench', '--compare', command, '--rounds', String(rounds)];
  const result = await runCli([...args, '--batch-size', '8', '--iterations', '1', '--json']);
  return { command, argsFile, ...result };
}

const round = (mine: number, theirs: number) => ({
  project: { iterationsPerSecond: mine, inferenceImagesPerSecond: 10 * mine } as BenchResult,
  reference: {
    reference: 'r',
    threads: 1,
    batchSize: 8,
    iterationsPerSecond: theirs,
    inferenceImagesPerSecond: 10 * theirs,
  },
});

describe('bench --compare', () => {
  it('reports the medians and the median of the rounds ratios', () => {
    const summary = summarizeRounds([round(1, 2), round(3, 2), round(2, 1)]);
    expect(summary.project.iterationsPerSecond).toBe(2);
    expect(summary.reference.iterationsPerSecond).toBe(2);
    expect(summary.trainingRatio).toBe(1.5);
    expect(summary.inferenceRatio).toBe(1.5);
  });

  it('names the reference command when it prints no usable JSON line', () => {
    expect(() => parseReference('torch-bench', 'Traceback: no torch')).toThrow(
      /--compare: torch-bench printed no JSON line with iterationsPerSecond/,
    );
    expect(() => parseReference('torch-bench', '{"iterationsPerSecond": "fast"}')).toThrow(
      /torch-bench printed no JSON line/,
    );
  });

  it('interleaves the project bench with the reference, on the same threads', async () => {
    const { argsFile, code, output } = await compareWithFake(8, 2);
    expect(code, output).toBe(0);
    const summary = JSON.parse(output.slice(output.indexOf('{')));
    expect(summary.rounds).toHaveLength(2);
    expect(summary.rounds[0].project).toMatchObject({ backend: 'wasm', threads: 1, batchSize: 8 });
    const [first, second] = summary.rounds.map(
      (r: { project: { iterationsPerSecond: number } }) => r.project.iterationsPerSecond / 2,
    ) as [number, number];
    expect(summary.trainingRatio).toBeCloseTo((first + second) / 2, 10);
    expect(await readFile(argsFile, 'utf8')).toBe('1 --batch 8\n1 --batch 8\n');
  });

  it('refuses a reference that ran another batch size', async () => {
    const { command, code, output } = await compareWithFake(128, 1);
    expect(code).not.toBe(0);
    expect(output).toContain(`--compare: ${command} ran batch 128, the project batch 8`);
  });
});

describe('bench --profile', () => {
  it('prints the time outside kernels as its own row', () => {
    const rows = [
      { kernel: 'Conv2D', calls: 3, ms: 600 },
      { kernel: 'Multiply', calls: 271, ms: 300 },
    ];
    const text = formatProfile('wasm', 128, rows, 1000);
    expect(text.split('\n')[0]).toBe(
      'kernel profile of one iteration on wasm, batch 128: 1000 ms, 900 ms in kernels',
    );
    expect(text).toMatch(/Conv2D +3 calls +600\.0 ms +60\.0%/);
    expect(text).toMatch(/\(outside kernels\) +100\.0 ms +10\.0%/);
  });

  it('splits a kernel by its input shapes with --by-shape', () => {
    const call = {
      name: 'Multiply',
      inputShapes: [
        [1, 1, 1, 64],
        [128, 14, 14, 64],
      ],
    };
    expect(profileRowName(call, false)).toBe('Multiply');
    expect(profileRowName(call, true)).toBe('Multiply [[1,1,1,64],[128,14,14,64]]');
  });
});
