import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridFromValues } from './grid.js';
import { writeGridPng } from './write-files.js';
import { writeReport } from './write-report.js';

describe('writeReport', () => {
  let runDir: string;

  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'dcgan-report-'));
    await mkdir(join(runDir, 'samples'));
    const lines = Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ step: i + 1, discriminatorLoss: 0.6, generatorLoss: 0.9 }),
    );
    await writeFile(join(runDir, 'metrics.jsonl'), `${lines.join('\n')}\n`);
    await writeFile(join(runDir, 'config.json'), '{"train":{"batchSize":128}}');
    for (const step of [2000, 1000]) {
      const grid = gridFromValues(new Array(4 * 28 * 28).fill(step / 2000 - 0.5), 4, 28);
      await writeGridPng(
        join(runDir, 'samples', `step-${String(step).padStart(7, '0')}.png`),
        grid,
      );
    }
    await writeFile(join(runDir, 'samples', 'notes.txt'), 'not a grid');
  });

  afterAll(() => rm(runDir, { recursive: true, force: true }));

  it('writes report.html with the grids in step order, the curves and the components inlined', async () => {
    const path = await writeReport(runDir, { maxPoints: 500 });
    expect(path).toBe(join(runDir, 'report.html'));
    const html = await readFile(path, 'utf8');
    const steps = [...html.matchAll(/<img data-step="(\d+)" src="data:image\/png;base64,/g)];
    expect(steps.map((m) => m[1])).toEqual(['1000', '2000']);
    const metrics = JSON.parse(
      /<script type="application\/json" id="dcgan-metrics">(.*?)<\/script>/s.exec(html)?.[1] ?? '',
    );
    expect(metrics).toHaveLength(500);
    expect(metrics[499].step).toBe(3000);
    expect(html).toContain('dcgan-training-view');
    expect(html).toContain('&#34;batchSize&#34;:128');
    expect(html).not.toMatch(/<script[^>]+src=|<link /);
  });

  it('writes an emptier report for a run with no file yet', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'dcgan-report-empty-'));
    const html = await readFile(await writeReport(empty), 'utf8');
    expect(html).toContain('No sample grid yet.');
    expect(html).toContain('0 metrics points');
    await rm(empty, { recursive: true, force: true });
  });
});
