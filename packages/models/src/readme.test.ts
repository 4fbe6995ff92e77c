import { runReadmeExample } from '@dcgan/testing';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('runs its example: the shipped conditional generator draws sevens in [-1, 1]', async () => {
    expect(await runReadmeExample(new URL('..', import.meta.url))).toBe(
      '16x28x28x1 sevens of a 28x28x1 generator\nin [-1, 1]\n',
    );
  });
});
