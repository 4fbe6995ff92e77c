import { describe, expect, it } from 'vitest';
import { classLayout } from './class-layout.js';

const root = 'pictures';

describe('classLayout', () => {
  it('gives one label a top-level folder, classes sorted, deeper images in their class', () => {
    const paths = ['cat/a.png', 'cat/kittens/b.png', 'ant/c.png', 'dog/d.png'];
    expect(classLayout(paths, { classes: undefined, root })).toEqual({
      classNames: ['ant', 'cat', 'dog'],
      labels: Uint8Array.of(1, 1, 0, 2),
    });
  });

  it('gives no labels to a folder without subfolders, or with classes: false', () => {
    expect(classLayout(['a.png', 'b.png'], { classes: undefined, root })).toEqual({});
    expect(classLayout(['cat/a.png', 'b.png'], { classes: false, root })).toEqual({});
  });

  it('refuses images at the root next to class folders, naming some of each', () => {
    expect(() =>
      classLayout(['cat/a.png', 'b.png', 'c.png'], { classes: undefined, root }),
    ).toThrow(
      'pictures: 2 image(s) at the root (b.png, c.png) next to class folders (cat); move them ' +
        'into a class folder, or pass classes: false to read every image without labels',
    );
  });

  it('refuses a class folder without images, and classes: true without class folders', () => {
    const folders = ['cat', 'empty'];
    expect(() => classLayout(['cat/a.png'], { classes: undefined, folders, root })).toThrow(
      'pictures: class folder(s) empty hold no PNG, JPEG or WebP image',
    );
    expect(() => classLayout(['a.png'], { classes: true, root })).toThrow(
      'pictures: classes: true needs one subfolder a class',
    );
  });

  it('refuses more than 256 classes, which bytes cannot label', () => {
    const paths = Array.from({ length: 257 }, (_, i) => `class${i}/a.png`);
    expect(() => classLayout(paths, { classes: undefined, root })).toThrow(
      'pictures: 257 class folders, at most 256',
    );
    expect(classLayout(paths.slice(1), { classes: undefined, root }).labels?.length).toBe(256);
  });
});
