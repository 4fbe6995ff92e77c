import { runReadmeExample } from '@dcgan/testing';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('runs its example: a convolution trains on wasm', async () => {
    expect(await runReadmeExample(new URL('..', import.meta.url))).toBe('trained\n');
  });
});
