import type { ImageFileInput } from '@dcgan/data';

/**
 * The files of a drop, dropped folders walked: each with its path from the drop (`folder/a.png`),
 * as `loadImageFiles` takes them. Call it in the drop handler itself: a drop's items last only
 * until the handler returns, so they are read before the first wait.
 */
export async function droppedFiles(transfer: DataTransfer): Promise<ImageFileInput[]> {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  const dropped = items.map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  const files: ImageFileInput[] = [];
  for (const { entry, file } of dropped) {
    if (entry) await collect(entry, files);
    else if (file) files.push({ file, path: file.name });
  }
  return files;
}

/** Adds a file entry, or every file below a folder entry, to `files`. */
async function collect(entry: FileSystemEntry, files: ImageFileInput[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    files.push({ file, path: entry.fullPath.replace(/^\//, '') });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries gives a folder's entries a batch at a time, then an empty batch.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return;
    for (const child of batch) await collect(child, files);
  }
}
