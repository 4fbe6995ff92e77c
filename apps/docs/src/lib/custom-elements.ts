import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { docsPath } from './docs-root';

interface Typed {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Member extends Typed {
  kind: 'field' | 'method';
  privacy?: string;
  static?: boolean;
  attribute?: string;
  readonly?: boolean;
  parameters?: Typed[];
  return?: { type?: { text: string } };
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  attributes?: (Typed & { fieldName?: string })[];
  events?: Typed[];
  members?: Member[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

/** One element's API as a page shows it: attributes, properties, methods, events. */
export interface ElementDoc {
  tag: string;
  className: string;
  /** Where the manifest came from: the package's own, or analysed from its sources. */
  source: string;
  attributes: { name: string; type: string; default: string; description: string }[];
  properties: { name: string; type: string; description: string }[];
  methods: { name: string; signature: string; description: string }[];
  events: { name: string; description: string }[];
}

/** The package's `custom-elements.json` when it ships one, else `scripts/custom-elements.mjs`'s. */
function readManifest(): { manifest: Manifest; source: string } {
  const require = createRequire(docsPath('package.json'));
  try {
    const path = require.resolve('@dcgan/viz/custom-elements.json');
    return {
      manifest: JSON.parse(readFileSync(path, 'utf8')),
      source: '@dcgan/viz/custom-elements.json',
    };
  } catch {
    const path = docsPath('.generated', 'custom-elements.json');
    try {
      return { manifest: JSON.parse(readFileSync(path, 'utf8')), source: "@dcgan/viz's sources" };
    } catch {
      throw new Error(
        `no custom elements manifest: run node scripts/custom-elements.mjs (${path})`,
      );
    }
  }
}

const clean = (text = '') => text.replace(/\s+/g, ' ').trim();

/** The API of the element `<tag>` from the manifest; throws when the manifest lacks it. */
export function elementDoc(tag: string): ElementDoc {
  const { manifest, source } = readManifest();
  const declaration = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tag);
  if (!declaration) throw new Error(`the custom elements manifest (${source}) has no <${tag}>`);
  const members = (declaration.members ?? []).filter(
    (m) => (m.privacy ?? 'public') === 'public' && !m.static && !m.name.startsWith('_'),
  );
  const fields = new Map(members.filter((m) => m.kind === 'field').map((m) => [m.name, m]));
  return {
    tag,
    className: declaration.name,
    source,
    attributes: (declaration.attributes ?? []).map((a) => {
      const field = a.fieldName ? fields.get(a.fieldName) : undefined;
      return {
        name: a.name,
        type: a.type?.text ?? field?.type?.text ?? '',
        default: a.default ?? field?.default ?? '',
        description: clean(a.description ?? field?.description),
      };
    }),
    properties: members
      .filter((m) => m.kind === 'field' && !m.attribute)
      .map((m) => ({ name: m.name, type: m.type?.text ?? '', description: clean(m.description) })),
    methods: members
      .filter((m) => m.kind === 'method')
      .map((m) => ({
        name: m.name,
        signature: `${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})${
          m.return?.type?.text ? `: ${m.return.type.text}` : ''
        }`,
        description: clean(m.description),
      })),
    events: (declaration.events ?? []).map((e) => ({
      name: e.name,
      description: clean(e.description),
    })),
  };
}
