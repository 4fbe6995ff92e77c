import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Declaration {
  tagName?: string;
  name: string;
  attributes?: { name: string; fieldName?: string; description?: string }[];
  members?: { kind: string; name: string; privacy?: string; description?: string }[];
  events?: { name: string; description?: string }[];
}
interface Manifest {
  modules: {
    path: string;
    declarations: Declaration[];
    exports: { kind: string; name: string }[];
  }[];
}

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
const manifest = JSON.parse(read('../dist/custom-elements.json')) as Manifest;
const pkg = JSON.parse(read('../package.json')) as {
  customElements: string;
  exports: Record<string, unknown>;
};

describe('custom-elements.json', () => {
  it('is the package.json\'s "customElements", exported too', () => {
    expect(pkg.customElements).toBe('./dist/custom-elements.json');
    expect(pkg.exports['./custom-elements.json']).toBe('./dist/custom-elements.json');
  });

  it('lists the four elements at their built entry points, each defined there', () => {
    const found = manifest.modules.map((module) => [
      module.path,
      module.declarations.map((d) => d.tagName),
      module.exports.filter((e) => e.kind === 'custom-element-definition').map((e) => e.name),
    ]);
    expect(found).toEqual([
      ['dist/sample-grid.js', ['dcgan-sample-grid'], ['dcgan-sample-grid']],
      ['dist/loss-chart.js', ['dcgan-loss-chart'], ['dcgan-loss-chart']],
      ['dist/latent-walk.js', ['dcgan-latent-walk'], ['dcgan-latent-walk']],
      ['dist/training-view.js', ['dcgan-training-view'], ['dcgan-training-view']],
    ]);
    for (const module of manifest.modules) {
      const entry = `./${module.path.replace(/^dist\/|\.js$/g, '')}`;
      expect(pkg.exports[entry], entry).toBeDefined();
    }
  });

  it('describes every attribute, public property and event, and keeps Lit state private', () => {
    const grid = manifest.modules[0]?.declarations[0] as Declaration;
    expect(grid.attributes?.map((a) => a.name)).toEqual([
      'src',
      'digit',
      'classes',
      'count',
      'seed',
      'columns',
      'scale',
    ]);
    expect(grid.events?.map((e) => e.name)).toEqual(['dcgan-drawn', 'dcgan-error']);
    expect(grid.members?.find((m) => m.name === 'error')?.privacy).toBe('private');
    for (const element of manifest.modules.flatMap((m) => m.declarations)) {
      const undescribed = [
        ...(element.attributes ?? []).filter((a) => !a.description).map((a) => a.name),
        ...(element.members ?? [])
          .filter((m) => m.privacy !== 'private' && !m.description)
          .map((m) => m.name),
        ...(element.events ?? []).filter((e) => !e.description).map((e) => e.name),
      ];
      expect(undescribed, element.tagName).toEqual([]);
    }
  });
});
