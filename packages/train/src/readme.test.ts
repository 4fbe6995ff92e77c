import { runReadmeExample } from '@dcgan/testing';
import { describe, expect, it } from 'vitest';

describe('README', () => {
  it('runs its example: three iterations on real MNIST', async () => {
    const lines = (await runReadmeExample(new URL('..', import.meta.url))).trim().split('\n');
    expect(lines.map((line) => line.split(':')[0])).toEqual(['1', '2', '3']);
    for (const line of lines) expect(Number(line.split(' D ')[1])).toBeGreaterThan(0);
  });
});
