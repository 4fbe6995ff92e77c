import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const TAGS = ['dcgan-sample-grid', 'dcgan-loss-chart', 'dcgan-latent-walk', 'dcgan-training-view'];

/**
 * A browser bundle of one built entry (TensorFlow.js left to the page, as a page's bundler would
 * have it): the packages it holds and the tags it defines.
 */
async function bundle(entry: string): Promise<{ packages: Set<string>; tags: string[] }> {
  const file = `${dist}${entry}.js`;
  if (!existsSync(file)) throw new Error(`${file} is missing: build the package first`);
  const result = await build({
    entryPoints: [file],
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
    external: ['@tensorflow/*'],
  });
  const packages = new Set<string>();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input);
    if (match) packages.add(match[1] as string);
    else if (input.startsWith('packages/models/')) packages.add('@dcgan/models');
  }
  const text = result.outputFiles[0]?.text ?? '';
  return { packages, tags: TAGS.filter((tag) => text.includes(`"${tag}"`)) };
}

describe('an entry an element', () => {
  it('the sample grid holds lit and @dcgan/models (for pretrained:), not chart.js nor the encoders', async () => {
    const { packages, tags } = await bundle('sample-grid');
    expect(packages).toContain('lit');
    expect(packages).toContain('@dcgan/models');
    for (const name of ['chart.js', '@kurkle/color', 'fast-png', 'gifenc']) {
      expect(packages).not.toContain(name);
    }
    expect(tags).toEqual(['dcgan-sample-grid']);
  });

  it('the latent walk has no chart.js either', async () => {
    const { packages, tags } = await bundle('latent-walk');
    expect(packages).not.toContain('chart.js');
    expect(tags).toEqual(['dcgan-latent-walk']);
  });

  it('the loss chart and the training view bring chart.js', async () => {
    const chart = await bundle('loss-chart');
    expect(chart.packages).toContain('chart.js');
    expect(chart.tags).toEqual(['dcgan-loss-chart']);
    const view = await bundle('training-view');
    expect(view.packages).toContain('chart.js');
    expect(view.tags).toEqual(['dcgan-loss-chart', 'dcgan-training-view']);
  });

  it('the main entry defines all four', async () => {
    expect((await bundle('index')).tags).toEqual(TAGS);
  });
});
