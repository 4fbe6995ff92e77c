import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isHiddenName, isImageFileName, sortPaths } from './image-paths.js';
import type { SkippedFile } from './unreadable-image.js';

/** An image file found in a folder, with what the cache key needs. */
export interface ImageFileEntry {
  /** Relative to the folder, `/`-separated. */
  path: string;
  size: number;
  mtimeMs: number;
}

/** What a folder holds: its image files sorted by path, its top-level subfolders, dead links. */
export interface FolderListing {
  files: ImageFileEntry[];
  folders: string[];
  /** Image-named links that lead nowhere. */
  broken: SkippedFile[];
}

/**
 * Lists the PNG, JPEG and WebP files in a folder and all its subfolders, following symbolic
 * links; hidden files and folders are skipped, and a folder already seen (a link loop, or two
 * links to one folder) is walked once, by the first path in sorted order.
 * @throws an Error naming the folder when it is missing, not a folder or cannot be listed
 */
export async function listImageFiles(root: string): Promise<FolderListing> {
  const rootStats = await stat(root).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `${root}: ${error.code === 'ENOENT' ? 'folder does not exist' : `cannot be read (${error.code})`}`,
    );
  });
  if (!rootStats.isDirectory()) throw new Error(`${root}: not a folder`);
  const listing: FolderListing = { files: [], folders: [], broken: [] };
  const seen = new Set([folderKey(rootStats)]);
  const walk = async (folder: string, relative: string) => {
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`${folder}: cannot list this folder (${error.code})`);
    });
    const visible = sortPaths(names.filter((name) => !isHiddenName(name)));
    // Stats run together; folders are entered one by one, in order, so the walk is deterministic.
    const entries = await Promise.all(
      visible.map(async (name) => ({
        name,
        stats: await stat(join(folder, name)).catch((error: NodeJS.ErrnoException) => error),
      })),
    );
    for (const { name, stats } of entries) {
      const path = relative ? `${relative}/${name}` : name;
      if (stats instanceof Error) {
        if (isImageFileName(name))
          listing.broken.push({ path, reason: `cannot be read (${stats.code})` });
      } else if (stats.isDirectory()) {
        if (seen.has(folderKey(stats))) continue;
        seen.add(folderKey(stats));
        if (!relative) listing.folders.push(name);
        await walk(join(folder, name), path);
      } else if (stats.isFile() && isImageFileName(name)) {
        listing.files.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
      }
    }
  };
  await walk(root, '');
  listing.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return listing;
}

function folderKey(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}
