// The API reference: TypeDoc with typedoc-plugin-markdown over every public entry point of every
// published package (read from their package.json `exports`), one page an entry point, written
// into src/content/docs/api/ for Starlight. Generated at each build, so it follows the sources.
//   node scripts/api-reference.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, ReflectionKind } from 'typedoc';

const docs = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = join(docs, '..', '..', 'packages');
const out = join(docs, 'src', 'content', 'docs', 'api');
// What only library authors need is on its own entry point, and not API (architecture.md).
const NOT_API = ['./internal', './package.json'];

/** `{ name: '@dcgan/data/node', file: '/…/packages/data/src/node.ts' }` for each public entry point. */
export function entryPoints() {
  const entries = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const manifest = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    for (const [key, target] of Object.entries(manifest.exports ?? {})) {
      if (NOT_API.includes(key)) continue;
      const built = typeof target === 'string' ? target : (target.import ?? target.default);
      const source = built.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts');
      entries.push({
        name: key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`,
        file: join(packagesDir, dir, source),
      });
    }
  }
  return entries;
}

/** The slug of an entry point's page: `@dcgan/data/node` -> `data/node`, `@dcgan/data` -> `data`. */
const slug = (name) => name.replace(/^@dcgan\//, '');

async function* markdownFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith('.md')) yield path;
  }
}

/** Doc comments quote tags (`<dcgan-sample-grid src="…">`): outside code they are text, not elements. */
const escapeElements = (text) => text.replace(/<(\/?[a-z]+-[\w-]*)/g, '&lt;$1');

/**
 * A generated page made a Starlight page: its first heading becomes the front matter's title, and
 * links to other pages (`../data/node.md#loaddataset`) become the site's URLs (`../../data/node/#…`).
 */
function starlightPage(markdown, path) {
  const [, title = 'API'] = markdown.match(/^# (.+)$/m) ?? [];
  const body = markdown.replace(/^# .+\n+/m, '');
  const isIndex = path.endsWith(`${sep}index.md`);
  // A page `x.md` is served at `x/`, a level below its file: its links climb one more.
  const up = isIndex ? '' : '../';
  const linked = body
    .replace(
      /\]\(((?!https?:|#)[^)\s]*?)\.md(#[^)]*)?\)/g,
      (_, page, hash = '') => `](${up}${page}/${hash})`,
    )
    .replace(/^- \[([\w/]+)\]\(/gm, '- [@dcgan/$1](')
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, i) => (i % 2 ? part : escapeElements(part)))
    .join('');
  const bare = title.replace(/^(Module|Package): /, '').replace(/\\/g, '');
  const label = bare === 'API reference' ? bare : `@dcgan/${bare}`;
  return `---\ntitle: ${JSON.stringify(label)}\neditUrl: false\n${isIndex ? 'sidebar:\n  order: 0\n' : ''}---\n\n${linked}`;
}

const entries = entryPoints();
const app = await Application.bootstrapWithPlugins({
  entryPoints: entries.map((entry) => entry.file),
  tsconfig: join(docs, 'tsconfig.typedoc.json'),
  plugin: ['typedoc-plugin-markdown'],
  out,
  readme: 'none',
  outputFileStrategy: 'modules',
  entryFileName: 'index',
  hidePageHeader: true,
  hideBreadcrumbs: true,
  useCodeBlocks: true,
  parametersFormat: 'table',
  interfacePropertiesFormat: 'table',
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  disableSources: true,
  sort: ['kind', 'alphabetical'],
  logLevel: 'Warn',
  name: 'API reference',
});
const project = await app.convert();
if (!project) throw new Error('TypeDoc could not convert the entry points (see above)');
// Name each module by its import specifier less the scope (`data/src/node` -> `data/node`), not
// by its path in the repository; the pages' titles put the scope back.
const slugs = new Set(entries.map((entry) => slug(entry.name)));
for (const module of project.getReflectionsByKind(ReflectionKind.Module)) {
  const name = module.name.replace(/\/src(\/index)?$/, '').replace('/src/', '/');
  if (!slugs.has(name)) throw new Error(`api-reference: no entry point for module ${module.name}`);
  module.name = name;
}
await rm(out, { recursive: true, force: true });
await app.generateOutputs(project);
await mkdir(out, { recursive: true });
for await (const file of markdownFiles(out)) {
  await writeFile(file, starlightPage(await readFile(file, 'utf8'), file));
}
console.log(`api-reference: ${entries.length} entry points into ${relative(docs, out)}`);
