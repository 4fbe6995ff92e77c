import { runReadmeExample } from '@dcgan/testing';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('runs its example: the shipped MNIST generator draws digits', async () => {
    expect(await runReadmeExample(new URL('..', import.meta.url))).toBe('digits\n');
  });
});
