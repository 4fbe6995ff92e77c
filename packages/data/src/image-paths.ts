/** The file endings that the image readers take, any case. */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'] as const;

/** True for a file name ending in .png, .jpg, .jpeg or .webp (any case). */
export function isImageFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/** Hidden files and folders (`.git`, `.ipynb_checkpoints`, `._photo.jpg`) are never read. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.');
}

/** Sorts paths by UTF-16 code units, the same in every runtime and locale. */
export function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
