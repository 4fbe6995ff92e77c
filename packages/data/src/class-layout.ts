/** Labels as an image folder's layout gives them. */
export interface ClassLayout {
  /** The class names, sorted; label i is `classNames[i]`. Absent without classes. */
  classNames?: string[];
  /** One label per path. Absent without classes. */
  labels?: Uint8Array;
}

/** Labels are bytes. */
const MAX_CLASSES = 256;

/**
 * Gives each image the class of its top-level subfolder, as torchvision's ImageFolder does: class
 * names sorted, label i for the i-th, images anywhere below a class folder in that class. A folder
 * without subfolders gives no labels. Images at the root next to class folders, a class folder
 * without images or more than 256 classes are errors, never guessed around.
 * @param paths image paths relative to the folder, `/`-separated
 * @param options.classes `true` to require class folders, `false` to ignore them (no labels)
 * @param options.folders the folder's subfolders, where known (browsers list files only)
 * @param options.root the folder's name, for errors
 */
export function classLayout(
  paths: readonly string[],
  options: { classes: boolean | undefined; folders?: readonly string[]; root: string },
): ClassLayout {
  if (options.classes === false) return {};
  const { root } = options;
  const classOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');
  const names = new Set([...paths.map(classOf), ...(options.folders ?? [])]);
  names.delete('');
  const classNames = [...names].sort();
  if (classNames.length === 0) {
    if (options.classes === true) {
      throw new Error(`${root}: classes: true needs one subfolder a class, but no image is in one`);
    }
    return {};
  }
  const atRoot = paths.filter((path) => classOf(path) === '');
  if (atRoot.length > 0) {
    throw new Error(
      `${root}: ${atRoot.length} image(s) at the root (${atRoot.slice(0, 3).join(', ')}) next to ` +
        `class folders (${listed(classNames)}); move them into a class folder, or pass ` +
        'classes: false to read every image without labels',
    );
  }
  if (classNames.length > MAX_CLASSES) {
    throw new Error(
      `${root}: ${classNames.length} class folders, at most ${MAX_CLASSES}; pass classes: false ` +
        'to read every image without labels',
    );
  }
  const counts = new Map(classNames.map((name) => [name, 0]));
  for (const path of paths) counts.set(classOf(path), (counts.get(classOf(path)) ?? 0) + 1);
  const empty = classNames.filter((name) => counts.get(name) === 0);
  if (empty.length > 0) {
    throw new Error(
      `${root}: class folder(s) ${listed(empty)} hold no PNG, JPEG or WebP image; remove them ` +
        'or add images (each subfolder is a class)',
    );
  }
  const index = new Map(classNames.map((name, i) => [name, i]));
  return { classNames, labels: Uint8Array.from(paths, (path) => index.get(classOf(path)) ?? 0) };
}

function listed(names: string[]): string {
  return names.length > 5 ? `${names.slice(0, 5).join(', ')}, ...` : names.join(', ');
}
