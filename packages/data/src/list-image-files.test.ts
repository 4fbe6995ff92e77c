import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImageFiles } from './list-image-files.js';
import { temporaryFolder, writeFiles } from './test-fixtures.js';

describe('listImageFiles', () => {
  it('lists image files of every depth by path, leaving out other and hidden files', async () => {
    const root = await writeFiles(await temporaryFolder(), {
      'b/z.PNG': 'x',
      'b/deep/er/y.webp': 'x',
      'a.jpeg': 'xx',
      'c.JPG': 'x',
      'notes.txt': 'x',
      '.hidden.png': 'x',
      '.git/objects/x.png': 'x',
      'b/._resource.jpg': 'x',
    });
    const listing = await listImageFiles(root);
    expect(listing.files.map((file) => file.path)).toEqual([
      'a.jpeg',
      'b/deep/er/y.webp',
      'b/z.PNG',
      'c.JPG',
    ]);
    expect(listing.files[0]).toMatchObject({ size: 2, mtimeMs: expect.any(Number) });
    expect(listing.folders).toEqual(['b']);
    expect(listing.broken).toEqual([]);
  });

  it('follows links to folders, once each, and ends on a link loop', async () => {
    const root = await writeFiles(await temporaryFolder(), { 'real/a.png': 'x' });
    await symlink(join(root, 'real'), join(root, 'real', 'loop'));
    await symlink(join(root, 'real'), join(root, 'z-again'));
    await symlink('..', join(root, 'real', 'up'));
    const listing = await listImageFiles(root);
    expect(listing.files.map((file) => file.path)).toEqual(['real/a.png']);
    expect(listing.folders).toEqual(['real']);
  });

  it('reports a link to nothing named like an image', async () => {
    const root = await temporaryFolder();
    await symlink(join(root, 'gone.png'), join(root, 'dead.png'));
    await symlink(join(root, 'self.png'), join(root, 'self.png'));
    await symlink(join(root, 'gone'), join(root, 'dead-folder'));
    await writeFile(join(root, 'ok.png'), 'x');
    const listing = await listImageFiles(root);
    expect(listing.files.map((file) => file.path)).toEqual(['ok.png']);
    expect(listing.broken).toEqual([
      { path: 'dead.png', reason: 'cannot be read (ENOENT)' },
      { path: 'self.png', reason: 'cannot be read (ELOOP)' },
    ]);
  });

  it('names a missing folder and a file given as folder', async () => {
    const root = await temporaryFolder();
    await expect(listImageFiles(join(root, 'nope'))).rejects.toThrow(
      `${join(root, 'nope')}: folder does not exist`,
    );
    await mkdir(join(root, 'x'));
    await writeFile(join(root, 'f.png'), 'x');
    await expect(listImageFiles(join(root, 'f.png'))).rejects.toThrow(
      `${join(root, 'f.png')}: not a folder`,
    );
  });
});
