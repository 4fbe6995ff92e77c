import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckpointState } from './checkpoint.js';
import { parseCheckpointState } from './checkpoint-state.js';

const PATH = 'run/checkpoints/step-0000010/state.json';

const validState = fc.record({
  step: fc.nat(),
  noiseRandomState: fc.integer(),
  samplerState: fc.record({
    epochRandomState: fc.nat(),
    position: fc.nat(),
    epoch: fc.nat(),
    count: fc.nat(),
  }),
  config: fc.record({
    data: fc.constantFrom('mnist', 'fashion', '/data/idx'),
    model: fc.constant({ generator: { latentSize: 100 }, discriminator: {} }),
    train: fc.record({
      batchSize: fc.integer({ min: 1, max: 512 }),
      learningRate: fc.double({ min: 1e-6, max: 1, noNaN: true }),
    }),
  }),
}) as fc.Arbitrary<unknown> as fc.Arbitrary<CheckpointState>;

/** The reader either returns a state of the expected shape or throws an Error naming the file. */
function parsesOrNamesTheFile(text: string): void {
  try {
    const state = parseCheckpointState(text, PATH);
    expect(Number.isSafeInteger(state.step) && state.step >= 0).toBe(true);
    expect(typeof state.config.train).toBe('object');
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.startsWith(`${PATH}: `)).toBe(true);
  }
}

describe('parseCheckpointState', () => {
  it('reads back what was written', () => {
    fc.assert(
      fc.property(validState, (state) => {
        expect(parseCheckpointState(JSON.stringify(state, null, 2), PATH)).toEqual(state);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses every cut-short file with the file named', () => {
    fc.assert(
      fc.property(validState, fc.double({ min: 0, max: 1, maxExcluded: true }), (state, at) => {
        const text = JSON.stringify(state, null, 2);
        const cut = text.slice(0, Math.floor(at * text.length));
        expect(() => parseCheckpointState(cut, PATH)).toThrow(PATH);
      }),
      { numRuns: 200 },
    );
  });

  it('returns a well-formed state or names the file, whatever bytes are flipped', () => {
    fc.assert(
      fc.property(
        validState,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (state, flips) => {
          const bytes = new TextEncoder().encode(JSON.stringify(state));
          for (const [at, mask] of flips) {
            const index = at % bytes.length;
            bytes[index] = (bytes[index] as number) ^ mask;
          }
          parsesOrNamesTheFile(new TextDecoder().decode(bytes));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the field of an absurd value', () => {
    const absurd = fc.oneof(
      fc.constant(-1),
      fc.constant(2 ** 60),
      fc.constant(1.5),
      fc.constant(null),
      fc.string(),
      fc.array(fc.nat()),
    );
    const field = fc.constantFrom('step', 'noiseRandomState', 'samplerState', 'config');
    fc.assert(
      fc.property(validState, field, absurd, (state, key, value) => {
        const broken = { ...state, [key]: value };
        if (key === 'noiseRandomState' && typeof value === 'number') return;
        expect(() => parseCheckpointState(JSON.stringify(broken), PATH)).toThrow(
          `${PATH}: expected ${key}`,
        );
      }),
      { numRuns: 100 },
    );
    expect(() => parseCheckpointState('[1, 2]', PATH)).toThrow('expected a JSON object');
  });
});
