// The manifest of the four elements (dist/custom-elements.json, the package's "customElements"),
// made from their sources by `cem analyze` in the build, with the module paths of the built files.
const ELEMENTS = ['sample-grid', 'loss-chart', 'latent-walk', 'training-view'];

/** Lit's `state: true` properties are the element's own state: no attribute, not API. */
function litStateIsPrivate() {
  const states = new Map();
  return {
    name: 'dcgan-lit-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const properties = node.members.find(
        (member) =>
          ts.isPropertyDeclaration(member) &&
          member.name.getText() === 'properties' &&
          member.initializer &&
          ts.isObjectLiteralExpression(member.initializer),
      );
      const names = new Set();
      for (const property of properties?.initializer.properties ?? []) {
        if (!ts.isPropertyAssignment(property)) continue;
        const isState = /\bstate:\s*true\b/.test(property.initializer.getText());
        if (isState) names.add(property.name.getText());
      }
      states.set(`${moduleDoc.path}#${node.name.getText()}`, names);
    },
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        const names = states.get(`${moduleDoc.path}#${declaration.name}`);
        if (!names?.size) continue;
        declaration.attributes = declaration.attributes?.filter((a) => !names.has(a.fieldName));
        for (const member of declaration.members ?? []) {
          if (names.has(member.name)) {
            member.privacy = 'private';
            delete member.attribute;
          }
        }
      }
    },
  };
}

/** Names the built files (dist/x.js) where the analyzer names the sources (src/x.ts), and
 * records each tag's definition, which `defineElement` makes. */
function builtFilesAndDefinitions() {
  const toDist = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/$1.js');
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') {
        node[key] = toDist(value);
      } else visit(value);
    }
  };
  return {
    name: 'dcgan-built-files',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (!declaration.tagName) continue;
          module.exports = [
            ...(module.exports ?? []),
            {
              kind: 'custom-element-definition',
              name: declaration.tagName,
              declaration: { name: declaration.name, module: module.path },
            },
          ];
        }
      }
      visit(customElementsManifest.modules);
    },
  };
}

export default {
  globs: ELEMENTS.map((name) => `src/${name}.ts`),
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [litStateIsPrivate(), builtFilesAndDefinitions()],
};
