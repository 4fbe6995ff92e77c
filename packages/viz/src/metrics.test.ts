import { describe, expect, it } from 'vitest';
import { downsampleMetrics, type MetricsRecord, parseMetricsJsonl } from './metrics.js';

describe('parseMetricsJsonl', () => {
  it('reads one record a line and skips blank lines', () => {
    const text = '{"step":1,"generatorLoss":0.7}\n\n{"step":2,"generatorLoss":0.6}\n';
    expect(parseMetricsJsonl(text)).toEqual([
      { step: 1, generatorLoss: 0.7 },
      { step: 2, generatorLoss: 0.6 },
    ]);
  });

  it('skips a last line cut short while the trainer writes it', () => {
    expect(parseMetricsJsonl('{"step":1}\n{"step":2,"gen')).toEqual([{ step: 1 }]);
  });

  it('names the file and line of a broken line, and of a line without a step', () => {
    expect(() => parseMetricsJsonl('{"step":1\n{"step":2}', 'run/metrics.jsonl')).toThrow(
      'run/metrics.jsonl:1: not JSON',
    );
    expect(() => parseMetricsJsonl('{"loss":1}\n')).toThrow(
      'metrics.jsonl:1: a metrics line needs a numeric "step"',
    );
  });
});

describe('downsampleMetrics', () => {
  const records: MetricsRecord[] = Array.from({ length: 10 }, (_, i) => ({
    step: i + 1,
    generatorLoss: i,
    ...(i === 4 ? { frechetDistance: 12, classShares: new Array(10).fill(0.1) } : {}),
  }));

  it('keeps short series as they are', () => {
    expect(downsampleMetrics(records, 10)).toBe(records);
  });

  it('averages buckets of consecutive steps and keeps their evaluations', () => {
    const out = downsampleMetrics(records, 2);
    expect(out.map((r) => r.step)).toEqual([5, 10]);
    expect(out.map((r) => r.generatorLoss)).toEqual([2, 7]);
    expect(out[0]?.frechetDistance).toBe(12);
    expect(out[0]?.classShares).toHaveLength(10);
    expect(out[1]?.frechetDistance).toBeUndefined();
  });
});
