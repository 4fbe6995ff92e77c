import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { NATIVE_SOURCE_SHA256 } from './native-module.generated.js';

describe('the native module', () => {
  it('was compiled from the native/*.c and *.h in the repository (scripts/build-native.sh)', async () => {
    const dir = new URL('../../native/', import.meta.url);
    const names = (await readdir(dir)).sort();
    const ordered = [
      ...names.filter((n) => n.endsWith('.c')),
      ...names.filter((n) => n.endsWith('.h')),
    ];
    const hash = createHash('sha256');
    for (const name of ordered) hash.update(await readFile(new URL(name, dir)));
    expect(hash.digest('hex')).toBe(NATIVE_SOURCE_SHA256);
  });
});
