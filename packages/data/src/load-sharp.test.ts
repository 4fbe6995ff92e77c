import { describe, expect, it } from 'vitest';
import { loadSharp } from './load-sharp.js';

describe('loadSharp', () => {
  it('loads sharp once', async () => {
    const sharp = await loadSharp();
    expect(typeof sharp).toBe('function');
    expect(await loadSharp()).toBe(sharp);
  });

  it('names the install command when sharp is missing', async () => {
    const missing = Object.assign(new Error("Cannot find package 'sharp'"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await expect(loadSharp(() => Promise.reject(missing))).rejects.toThrow(
      'reading image folders needs sharp, an optional peer dependency of @dcgan/data, which is ' +
        "not installed: install it with `npm install sharp` (or `pnpm add sharp`). Cannot find package 'sharp'",
    );
    await expect(loadSharp(() => Promise.reject(new Error('wrong ELF class')))).rejects.toThrow(
      /which failed to load: install it with `npm install sharp`.+wrong ELF class/,
    );
  });
});
