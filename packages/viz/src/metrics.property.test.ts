import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MetricsRecord, parseMetricsJsonl } from './metrics.js';

/**
 * Property tests of the `metrics.jsonl` reader, which the loss chart and the report run while the
 * trainer appends to the file: a last line cut short is skipped, anything else broken is an Error
 * naming the file and line.
 */
const NAME = 'runs/quick/metrics.jsonl';

const record = fc.record({
  step: fc.nat(),
  discriminatorLoss: fc.double({ min: 0, max: 10, noNaN: true }),
  generatorLoss: fc.double({ min: 0, max: 10, noNaN: true }),
  time: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
  numTensors: fc.nat(),
});
const records = fc.array(record, { maxLength: 20 });
const jsonl = (rows: MetricsRecord[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('');
const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('parseMetricsJsonl (property tests)', () => {
  it('reads every complete line of a file torn anywhere while it is appended to', () => {
    fc.assert(
      fc.property(records, fraction, (rows, at) => {
        const text = jsonl(rows);
        const torn = text.slice(0, Math.floor(at * text.length));
        const complete = torn.split('\n').length - 1;
        const parsed = parseMetricsJsonl(torn, NAME);
        // The last line may be whole but for its newline: then it counts too.
        expect(parsed.length === complete || parsed.length === complete + 1).toBe(true);
        expect(parsed).toEqual(rows.slice(0, parsed.length));
      }),
      { numRuns: 200 },
    );
  });

  it('returns records with a numeric step or names the file and line, whatever bytes are flipped', () => {
    const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 127 })), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(
        records.filter((rows) => rows.length > 0),
        flips,
        (rows, changes) => {
          const bytes = new TextEncoder().encode(jsonl(rows));
          for (const [at, mask] of changes) {
            const index = at % bytes.length;
            bytes[index] = (bytes[index] as number) ^ mask;
          }
          try {
            for (const parsed of parseMetricsJsonl(new TextDecoder().decode(bytes), NAME))
              expect(typeof parsed.step).toBe('number');
          } catch (error) {
            expect(error).toBeInstanceOf(Error);
            expect((error as Error).message).toMatch(new RegExp(`^${NAME}:\\d+: `));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the line of a record without a numeric step, however absurd', () => {
    const absurd = fc.oneof(
      fc.constant('null'),
      fc.constant('[]'),
      fc.constant('"step"'),
      fc.json(),
    );
    fc.assert(
      fc.property(records, absurd, (rows, line) => {
        const value = JSON.parse(line);
        if (typeof value?.step === 'number') return;
        const text = `${jsonl(rows)}${line}\n${jsonl(rows)}`;
        expect(() => parseMetricsJsonl(text, NAME)).toThrow(
          `${NAME}:${rows.length + 1}: a metrics line needs a numeric "step"`,
        );
      }),
      { numRuns: 100 },
    );
  });
});
