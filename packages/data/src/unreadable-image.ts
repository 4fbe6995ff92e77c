/** What is wrong with one image file; the reader puts the file's path before the message. */
export class UnreadableImageError extends Error {
  override name = 'UnreadableImageError';
}

/** A file that a reader with `skipUnreadable` left out, and why. */
export interface SkippedFile {
  /** The path as in `ImageFolderDataset.files`: relative to the folder, `/`-separated. */
  path: string;
  /** What is wrong with it, e.g. `not a PNG, JPEG or WebP image (starts with "hello")`. */
  reason: string;
}
