// The manifest of @dcgan/viz's elements that the component pages read, when the package ships no
// custom-elements.json of its own: analysed from its sources into .generated/custom-elements.json.
//   node scripts/custom-elements.mjs
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

const require = createRequire(import.meta.url);
const out = fileURLToPath(new URL('../.generated/custom-elements.json', import.meta.url));

/** The package's own manifest, or undefined when it ships none. */
function shippedManifest() {
  try {
    return require.resolve('@dcgan/viz/custom-elements.json');
  } catch {
    return undefined;
  }
}

/** `defineElement('dcgan-x', DcganX)` (the package's guarded `customElements.define`) names the tag. */
function defineElementPlugin() {
  return {
    name: 'dcgan-define-element',
    analyzePhase({ node, moduleDoc }) {
      if (!ts.isCallExpression(node) || node.expression.getText() !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag)) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === element.getText());
      if (!declaration) return;
      declaration.customElement = true;
      declaration.tagName = tag.text;
    },
  };
}

/** Lit's `{ state: true }` properties are internal: neither attributes nor API. */
function statePropertiesPlugin() {
  return {
    name: 'dcgan-state-properties',
    analyzePhase({ node, moduleDoc }) {
      if (!ts.isPropertyDeclaration(node) || node.name.getText() !== 'properties') return;
      const initializer = node.initializer;
      if (!initializer || !ts.isObjectLiteralExpression(initializer)) return;
      const className = node.parent.name?.getText();
      const states = initializer.properties
        .filter((p) => /\bstate:\s*true\b/.test(p.getText()))
        .map((p) => p.name.getText());
      moduleDoc.__states = { ...(moduleDoc.__states ?? {}), [className]: states };
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const states = module.__states?.[declaration.name] ?? [];
          declaration.attributes = declaration.attributes?.filter(
            (a) => !states.includes(a.fieldName),
          );
          declaration.members = declaration.members?.filter((m) => !states.includes(m.name));
        }
        delete module.__states;
      }
    },
  };
}

if (shippedManifest()) {
  console.log(`custom-elements: @dcgan/viz ships ${shippedManifest()}`);
} else {
  const src = join(dirname(require.resolve('@dcgan/viz/package.json')), 'src');
  const names = (await readdir(src)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const modules = await Promise.all(
    names.map(async (name) =>
      ts.createSourceFile(
        `src/${name}`,
        await readFile(join(src, name), 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      ),
    ),
  );
  const manifest = create({
    modules,
    plugins: [...litPlugin(), defineElementPlugin(), statePropertiesPlugin()],
  });
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`custom-elements: analysed @dcgan/viz's sources into ${out}`);
}
