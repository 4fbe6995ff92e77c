import { describe, expect, it } from 'vitest';
// Relative until @dcgan/testing is a devDependency of this package.
import { runReadmeExample } from '../../testing/src/readme-example.js';

describe('README', () => {
  it('runs its example: a grid of four ramps written as a PNG and read back', async () => {
    expect(await runReadmeExample(new URL('..', import.meta.url))).toBe(
      '118x118, 256 grey levels\n',
    );
  });
});
