import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { downsampleMetrics, type MetricsRecord, parseMetricsJsonl } from './metrics.js';
import { readComponentsScript } from './read-components-script.js';
import { reportHtml } from './report-html.js';

const SAMPLE_FILE = /^step-(\d+)\.png$/;

async function readIfThere(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function sampleGrids(runDir: string): Promise<{ step: number; src: string }[]> {
  const names = await readdir(join(runDir, 'samples')).catch(() => [] as string[]);
  const grids = names
    .map((name) => ({ name, step: Number(SAMPLE_FILE.exec(name)?.[1] ?? Number.NaN) }))
    .filter(({ step }) => Number.isFinite(step))
    .sort((a, b) => a.step - b.step);
  return Promise.all(
    grids.map(async ({ name, step }) => ({
      step,
      src: `data:image/png;base64,${(await readFile(join(runDir, 'samples', name))).toString('base64')}`,
    })),
  );
}

/**
 * Writes `report.html` into a run folder (atomically): a page that works opened from disk, offline,
 * showing the run's curves (`metrics.jsonl`, at most `maxPoints` averaged points) and its sample
 * grids (`samples/step-NNNNNNN.png`, inlined as data: URLs) with the components of @dcgan/viz,
 * inlined too, and its `config.json`. Missing files give an emptier report, not an error.
 * @returns the path of the report
 */
export async function writeReport(
  runDir: string,
  options: { title?: string; maxPoints?: number } = {},
): Promise<string> {
  const metricsText = await readIfThere(join(runDir, 'metrics.jsonl'));
  const metrics: MetricsRecord[] = metricsText
    ? parseMetricsJsonl(metricsText, join(runDir, 'metrics.jsonl'))
    : [];
  const html = reportHtml(
    {
      title: options.title ?? basename(resolve(runDir)),
      metrics: downsampleMetrics(metrics, options.maxPoints ?? 2000),
      samples: await sampleGrids(runDir),
      config: await readIfThere(join(runDir, 'config.json')),
      writtenAt: new Date().toISOString(),
    },
    await readComponentsScript(),
  );
  const path = join(runDir, 'report.html');
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, html);
  await rename(temporary, path);
  return path;
}
