import { describe, expect, it } from 'vitest';
import { scaleToUnit, unscaleToBytes } from './scale.js';

describe('scaling', () => {
  it('maps 0 and 255 exactly to -1 and 1 and back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const scaled = scaleToUnit(bytes);
    expect([scaled[0], scaled[255]]).toEqual([-1, 1]);
    expect(Array.from(unscaleToBytes(scaled))).toEqual(Array.from(bytes));
  });

  it('clamps values outside [-1, 1]', () => {
    expect(Array.from(unscaleToBytes([-3, 0, 3]))).toEqual([0, 128, 255]);
  });
});
