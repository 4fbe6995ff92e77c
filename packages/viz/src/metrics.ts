/** One line of a run's `metrics.jsonl`, as the trainer writes it. */
export interface MetricsRecord {
  step: number;
  discriminatorLoss?: number;
  discriminatorAccuracy?: number;
  generatorLoss?: number;
  /** ISO time of the line. */
  time?: string;
  iterationsPerSecond?: number;
  /** Inception-style score from the project's MNIST classifier (1 to 10: higher is better). */
  classifierScore?: number;
  /** Fréchet distance to the test set in the classifier's features (lower is better). */
  frechetDistance?: number;
  /**
   * Sliced Wasserstein distance x 1e3 of image patches to the training images, the mean over the
   * pyramid's levels (lower is better): any data, no classifier.
   */
  slicedWasserstein?: number;
  /** Share of generated digits the classifier puts in each class 0..9. */
  classShares?: number[];
  /** TensorFlow.js's live tensors when the line was written: flat over a run that leaks none. */
  numTensors?: number;
  /** The trainer's resident memory in bytes (`process.memoryUsage().rss`). */
  rss?: number;
}

/**
 * Parses a `metrics.jsonl` text: one JSON object a line, blank lines skipped; a line that is cut
 * short (the trainer still writing it) is skipped when it is the last one, an error otherwise.
 */
export function parseMetricsJsonl(text: string, name = 'metrics.jsonl'): MetricsRecord[] {
  const lines = text.split('\n');
  const records: MetricsRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      if (i === lines.length - 1) return;
      throw new Error(`${name}:${i + 1}: not JSON (${(error as Error).message})`);
    }
    if (typeof (record as MetricsRecord)?.step !== 'number') {
      throw new Error(`${name}:${i + 1}: a metrics line needs a numeric "step"`);
    }
    records.push(record as MetricsRecord);
  });
  return records;
}

const AVERAGED = [
  'discriminatorLoss',
  'discriminatorAccuracy',
  'generatorLoss',
  'iterationsPerSecond',
] as const;

/**
 * At most `maxPoints` records for a chart: consecutive records are grouped in equal buckets, each
 * bucket giving its last step and time, the mean of its losses, accuracy and speed, and the last
 * evaluation figures found in it (evaluations are rare, so none is lost unless two share a bucket).
 */
export function downsampleMetrics(records: MetricsRecord[], maxPoints: number): MetricsRecord[] {
  if (records.length <= maxPoints) return records;
  const size = Math.ceil(records.length / maxPoints);
  const out: MetricsRecord[] = [];
  for (let start = 0; start < records.length; start += size) {
    const bucket = records.slice(start, start + size);
    const merged: MetricsRecord = { ...(bucket[bucket.length - 1] as MetricsRecord) };
    for (const key of AVERAGED) {
      const values = bucket.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
      if (values.length > 0) merged[key] = values.reduce((a, b) => a + b, 0) / values.length;
      else delete merged[key];
    }
    for (const key of ['classifierScore', 'frechetDistance', 'classShares'] as const) {
      const last = [...bucket].reverse().find((r) => r[key] !== undefined);
      if (last) Object.assign(merged, { [key]: last[key] });
    }
    out.push(merged);
  }
  return out;
}
