import { describe, expect, it } from 'vitest';
// Relative until @dcgan/testing is a devDependency of this package.
import { runReadmeExample } from '../../testing/src/readme-example.js';

describe('README', () => {
  it('runs its example: a batch of real MNIST digits in [-1, 1]', async () => {
    expect(await runReadmeExample(new URL('..', import.meta.url))).toBe(
      '128x28x28x1 of 60000 images, in [-1, 1]\n',
    );
  });
});
