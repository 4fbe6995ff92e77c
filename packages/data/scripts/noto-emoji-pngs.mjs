// Writes the colour emoji of Debian's fonts-noto-color-emoji as PNG files: real pictures (RGBA,
// 136x128) for tests, benchmarks and training runs, with no download.
// Run: node packages/data/scripts/noto-emoji-pngs.mjs OUT_DIR [FONT_FILE]
// The font's CBLC table indexes its bitmaps by glyph; its CBDT table holds them as PNG data.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The font's tables by tag: `{ offset, length }`. */
function tables(font) {
  const count = font.readUInt16BE(4);
  const found = {};
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = font.toString('latin1', record, record + 4);
    found[tag] = { offset: font.readUInt32BE(record + 8), length: font.readUInt32BE(record + 12) };
  }
  return found;
}

/** The glyph -> code point map of the cmap table's format 12 subtable (the emoji's full range). */
function glyphCodePoints(font, cmap) {
  const names = new Map();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const table = cmap + font.readUInt32BE(cmap + 4 + 8 * i + 4);
    if (font.readUInt16BE(table) !== 12) continue;
    const groups = font.readUInt32BE(table + 12);
    for (let g = 0; g < groups; g++) {
      const at = table + 16 + 12 * g;
      const [first, last, glyph] = [0, 4, 8].map((o) => font.readUInt32BE(at + o));
      for (let c = first; c <= last; c++) {
        if (!names.has(glyph + c - first)) names.set(glyph + c - first, c);
      }
    }
  }
  return names;
}

/** Every bitmap of the font's first strike: `{ glyph, png }`, PNG bytes in CBDT image formats 17-19. */
function* strikeBitmaps(font, cblc, cbdt) {
  const arrayOffset = font.readUInt32BE(cblc + 8);
  const subtableCount = font.readUInt32BE(cblc + 8 + 8);
  for (let s = 0; s < subtableCount; s++) {
    const entry = cblc + arrayOffset + 8 * s;
    const first = font.readUInt16BE(entry);
    const last = font.readUInt16BE(entry + 2);
    const header = cblc + arrayOffset + font.readUInt32BE(entry + 4);
    const [indexFormat, imageFormat] = [font.readUInt16BE(header), font.readUInt16BE(header + 2)];
    const imageData = cbdt + font.readUInt32BE(header + 4);
    if (indexFormat !== 1 && indexFormat !== 3) {
      throw new Error(`CBLC index format ${indexFormat} is not supported (only 1 and 3)`);
    }
    // Format 1 holds uint32 offsets, format 3 uint16 offsets: one more than the glyphs.
    const offsetAt = (i) =>
      indexFormat === 1
        ? font.readUInt32BE(header + 8 + 4 * i)
        : font.readUInt16BE(header + 8 + 2 * i);
    for (let glyph = first; glyph <= last; glyph++) {
      const start = imageData + offsetAt(glyph - first);
      if (offsetAt(glyph - first + 1) === offsetAt(glyph - first)) continue;
      // Small metrics are 5 bytes (format 17), big metrics 8 (18), none (19); then a uint32 length.
      const metrics = { 17: 5, 18: 8, 19: 0 }[imageFormat];
      if (metrics === undefined) throw new Error(`CBDT image format ${imageFormat} is not PNG`);
      const length = font.readUInt32BE(start + metrics);
      const png = font.subarray(start + metrics + 4, start + metrics + 4 + length);
      if (!png.subarray(0, 8).equals(PNG_SIGNATURE))
        throw new Error(`glyph ${glyph}: not PNG data`);
      yield { glyph, png };
    }
  }
}

/**
 * Writes each emoji bitmap of a CBDT/CBLC font as `OUT_DIR/emoji_u<code point>.png` (Noto's own
 * naming), or `glyph_<id>.png` for glyphs with no single code point (sequences, flags).
 * @returns how many files were written
 */
export async function writeNotoEmojiPngs(outDir, fontFile = FONT) {
  const font = await readFile(fontFile).catch((error) => {
    throw new Error(
      `${fontFile}: ${error.code === 'ENOENT' ? 'missing; install it with `apt-get install fonts-noto-color-emoji`' : error.message}`,
    );
  });
  const found = tables(font);
  for (const tag of ['CBLC', 'CBDT', 'cmap']) {
    if (!found[tag]) throw new Error(`${fontFile}: no ${tag} table, not a colour bitmap font`);
  }
  const codePoints = glyphCodePoints(font, found.cmap.offset);
  await mkdir(outDir, { recursive: true });
  let written = 0;
  for (const { glyph, png } of strikeBitmaps(font, found.CBLC.offset, found.CBDT.offset)) {
    const code = codePoints.get(glyph);
    const name = code === undefined ? `glyph_${glyph}` : `emoji_u${code.toString(16)}`;
    const path = join(outDir, `${name}.png`);
    await writeFile(`${path}.tmp`, png);
    await rename(`${path}.tmp`, path);
    written++;
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, fontFile] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node noto-emoji-pngs.mjs OUT_DIR [FONT_FILE]');
    process.exit(2);
  }
  const count = await writeNotoEmojiPngs(outDir, fontFile);
  console.log(`wrote ${count} emoji PNG files to ${outDir}`);
}
