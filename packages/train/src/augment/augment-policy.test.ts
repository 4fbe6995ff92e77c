import { describe, expect, it } from 'vitest';
import { checkAugmentPolicy, defaultAugmentPolicy, parseAugmentPolicy } from './augment-policy.js';

describe('augment policies', () => {
  it("default to the reference's 'color,translation,cutout'", () => {
    expect(defaultAugmentPolicy()).toEqual({ color: true, translation: 0.125, cutout: 0.5 });
    expect(parseAugmentPolicy('color,translation,cutout')).toEqual(defaultAugmentPolicy());
    expect(parseAugmentPolicy(' translation ')).toEqual({ translation: 0.125 });
    expect(parseAugmentPolicy('')).toEqual({});
    expect(() => parseAugmentPolicy('color,flip')).toThrow(
      "augment policy 'color,flip': unknown augmentation 'flip' (expected color, translation, cutout)",
    );
  });

  it('pass the check when well formed, and name every bad field otherwise', () => {
    const policy = { color: false, translation: 0.25, cutout: 0 };
    expect(checkAugmentPolicy(policy)).toBe(policy);
    expect(checkAugmentPolicy({ translation: undefined })).toEqual({ translation: undefined });
    expect(() =>
      checkAugmentPolicy({ colour: true, translation: 2, cutout: '0.5' }, 'run.json augment'),
    ).toThrow(
      "run.json augment: unknown field 'colour' (expected color, translation, cutout); " +
        'translation must be a number in [0, 1] (got 2); cutout must be a number in [0, 1] (got "0.5")',
    );
    expect(() => checkAugmentPolicy({ color: 1 })).toThrow(
      'augment policy: color must be true or false (got 1)',
    );
    expect(() => checkAugmentPolicy('color')).toThrow(/augment policy: expected an object/);
    expect(() => checkAugmentPolicy({ translation: Number.NaN })).toThrow(/got null/);
  });
});
