import { describe, expect, it } from 'vitest';
import { runCurves } from './chart-data.js';

describe('runCurves', () => {
  it('makes one curve a figure, with the steps that measured it', () => {
    const curves = runCurves([
      { step: 1, discriminatorLoss: 0.7, generatorLoss: 0.6, discriminatorAccuracy: 0.5 },
      { step: 2, discriminatorLoss: 0.5, generatorLoss: Number.NaN, classifierScore: 3.2 },
      { step: 3, frechetDistance: 40, classShares: [0.5, 0.5] },
    ]);
    expect(curves.discriminatorLoss).toEqual([
      { x: 1, y: 0.7 },
      { x: 2, y: 0.5 },
    ]);
    expect(curves.generatorLoss).toEqual([{ x: 1, y: 0.6 }]);
    expect(curves.classifierScore).toEqual([{ x: 2, y: 3.2 }]);
    expect(curves.frechetDistance).toEqual([{ x: 3, y: 40 }]);
    expect(curves.classShares).toEqual({ step: 3, shares: [0.5, 0.5] });
  });
});
