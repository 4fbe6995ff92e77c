import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The packages' files a CDN would serve, at `/npm/<name>@<version>/<file>`. */
const CDN = /^\/npm\/((?:@[^/]+\/)?[^/@]+)@([^/]+)\/(.+)$/;

/** The installed version of a package of `nodeModules`. */
function version(nodeModules: string, name: string): string {
  return JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')).version;
}

/**
 * A plain page that draws the pretrained digits with `<dcgan-sample-grid src="pretrained:mnist">`,
 * its modules named by an import map onto CDN-style URLs of the packages' own files (ES modules
 * as published: TensorFlow.js's `dist/*.fesm.js`, lit's modules, @dcgan's `dist/`).
 */
export function importMapPage(nodeModules: string): string {
  const at = (name: string, file = '') => `/npm/${name}@${version(nodeModules, name)}/${file}`;
  const imports = {
    '@dcgan/viz/sample-grid': at('@dcgan/viz', 'dist/sample-grid.js'),
    '@dcgan/models': at('@dcgan/models', 'dist/index.js'),
    '@tensorflow/tfjs-core': at('@tensorflow/tfjs-core', 'dist/tf-core.fesm.js'),
    '@tensorflow/tfjs-layers': at('@tensorflow/tfjs-layers', 'dist/tf-layers.fesm.js'),
    '@tensorflow/tfjs-backend-webgl': at(
      '@tensorflow/tfjs-backend-webgl',
      'dist/tf-backend-webgl.fesm.js',
    ),
    lit: at('lit', 'index.js'),
    'lit/': at('lit'),
    'lit-html': at('lit-html', 'lit-html.js'),
    'lit-html/': at('lit-html'),
    'lit-element/': at('lit-element'),
    '@lit/reactive-element': at('@lit/reactive-element', 'reactive-element.js'),
    '@lit/reactive-element/': at('@lit/reactive-element'),
  };
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<title>dcgan.js from an import map</title>
<script type="importmap">${JSON.stringify({ imports }, null, 2)}</script>
<script type="module">
  import '@tensorflow/tfjs-backend-webgl';
  import '@dcgan/viz/sample-grid';
</script>
</head>
<body>
<dcgan-sample-grid src="pretrained:mnist" count="16" seed="1"></dcgan-sample-grid>
</body>
</html>
`;
}

/** The file a CDN-style URL names in `nodeModules`, if the version is the one installed. */
export function cdnFile(nodeModules: string, path: string): string | undefined {
  const match = CDN.exec(path);
  if (!match) return undefined;
  const [, name, wanted, file] = match as unknown as [string, string, string, string];
  return version(nodeModules, name) === wanted ? join(nodeModules, name, file) : undefined;
}
