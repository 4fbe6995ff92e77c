// Images per second, decoding a folder of pictures into square RGB bytes (centre crop, Lanczos-3
// resize, white background) two ways: sharp (libvips, native; what loadImageFolder uses) and a
// WebAssembly stack (@jsquash: Squoosh's PNG, mozjpeg and libwebp decoders and its resize).
// Run: pnpm --filter @dcgan/data build && pnpm --filter @dcgan/data bench:images [FOLDER] [SIZE]
// Without FOLDER: Debian's Noto colour emoji (3,926 real 136x128 palette PNGs), the same emoji as
// JPEG and WebP, and 300 of them enlarged to 1024x1024 JPEG (a photo's decoding cost).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import decodeJpeg, { init as initJpeg } from '@jsquash/jpeg/decode.js';
import decodePng, { init as initPng } from '@jsquash/png/decode.js';
import resize, { initResize } from '@jsquash/resize';
import decodeWebp, { init as initWebp } from '@jsquash/webp/decode.js';
import sharp from 'sharp';
import { loadImageFolder } from '../dist/node.js';

const [folderArgument, sizeArgument = '64'] = process.argv.slice(2);
const size = Number(sizeArgument);

/** The emoji folder and its JPEG, WebP and large-JPEG twins, made once under the temp folder. */
async function defaultFolders() {
  const root = join(tmpdir(), 'dcgan-bench-images');
  const png = join(root, 'png');
  if (!existsSync(png)) {
    const script = fileURLToPath(new URL('../scripts/noto-emoji-pngs.mjs', import.meta.url));
    execFileSync(process.execPath, [script, png]);
  }
  const names = (await readdir(png)).sort();
  const twins = [
    [
      'jpeg',
      names,
      (image) => image.flatten({ background: '#ffffff' }).jpeg({ quality: 90 }),
      '.jpg',
    ],
    ['webp', names, (image) => image.webp({ quality: 90 }), '.webp'],
    [
      'jpeg-1024',
      names.slice(0, 300),
      (image) => image.flatten({ background: '#ffffff' }).resize(1024, 1024).jpeg({ quality: 90 }),
      '.jpg',
    ],
  ];
  for (const [format, subset, encode, ending] of twins) {
    const folder = join(root, format);
    if (existsSync(folder)) continue;
    await mkdir(`${folder}.tmp`, { recursive: true });
    for (const name of subset) {
      const bytes = await encode(sharp(join(png, name))).toBuffer();
      await writeFile(join(`${folder}.tmp`, name.replace('.png', ending)), bytes);
    }
    await rm(folder, { recursive: true, force: true });
    execFileSync('mv', [`${folder}.tmp`, folder]);
  }
  return ['png', 'jpeg', 'webp', 'jpeg-1024'].map((format) => join(root, format));
}

/** Loads the WebAssembly modules from node_modules (their default loader fetches them by URL). */
async function initWasm() {
  const wasm = async (path) =>
    WebAssembly.compile(await readFile(new URL(`../node_modules/${path}`, import.meta.url)));
  globalThis.ImageData ??= class {
    constructor(data, width, height) {
      Object.assign(this, { data, width, height, colorSpace: 'srgb' });
    }
  };
  await initPng(await wasm('@jsquash/png/codec/pkg/squoosh_png_bg.wasm'));
  await initJpeg(await wasm('@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm'));
  await initWebp(await wasm('@jsquash/webp/codec/dec/webp_dec.wasm'));
  await initResize(await wasm('@jsquash/resize/lib/resize/pkg/squoosh_resize_bg.wasm'));
}

/** One file through the WebAssembly stack: decode, crop and resize, composite on white. */
async function jsquashDecode(path) {
  const bytes = await readFile(path);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const decode = path.endsWith('.png')
    ? decodePng
    : path.endsWith('.webp')
      ? decodeWebp
      : decodeJpeg;
  const image = await decode(buffer);
  const square = await resize(image, {
    width: size,
    height: size,
    method: 'lanczos3',
    fitMethod: 'contain',
    premultiply: true,
    linearRGB: false,
  });
  const rgb = new Uint8Array(size * size * 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    const alpha = square.data[j + 3];
    for (let c = 0; c < 3; c++)
      rgb[i + c] = Math.round((square.data[j + c] * alpha + 255 * (255 - alpha)) / 255);
  }
  return rgb;
}

/** Seconds that `run` takes, best of `repeats`. */
async function best(run, repeats = 2) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    await run();
    fastest = Math.min(fastest, (performance.now() - start) / 1000);
  }
  return fastest;
}

await initWasm();
const folders = folderArgument ? [folderArgument] : await defaultFolders();
console.log(`${availableParallelism()} cores; ${size}x${size} RGB; images/s, best of 2 runs`);
for (const folder of folders) {
  const files = (await readdir(folder)).filter((name) => /\.(png|jpe?g|webp)$/i.test(name)).sort();
  const rate = (seconds) => `${(files.length / seconds).toFixed(0).padStart(6)}/s`;
  const options = { imageSize: size, cache: false, classes: false };
  const sharpAll = await best(() => loadImageFolder(folder, options));
  sharp.concurrency(1);
  const sharpOne = await best(() => loadImageFolder(folder, { ...options, concurrency: 1 }));
  sharp.concurrency(0);
  const wasm = await best(async () => {
    for (const name of files) await jsquashDecode(join(folder, name));
  });
  const cacheDir = join(tmpdir(), 'dcgan-bench-cache');
  await loadImageFolder(folder, { ...options, cache: cacheDir });
  const hit = await best(() => loadImageFolder(folder, { ...options, cache: cacheDir }));
  console.log(
    `${folder} (${files.length} files): sharp ${rate(sharpAll)} (1 thread ${rate(sharpOne)}), ` +
      `@jsquash wasm (1 thread) ${rate(wasm)}; cached reload ${(hit * 1000).toFixed(0)} ms`,
  );
}
