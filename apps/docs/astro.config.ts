// The dcgan.js docs: Astro Starlight. `pnpm docs:dev` at the root serves it; `pnpm build` builds it
// into dist/, plain files that work from any base path (integrations/relative-urls.ts).
import starlight from '@astrojs/starlight';
import { defineConfig, passthroughImageService } from 'astro/config';
import { rehypeFocusableTables } from './integrations/focusable-tables.js';
import { pretrainedFiles } from './integrations/pretrained-files.js';
import { relativeUrls } from './integrations/relative-urls.js';

export default defineConfig({
  site: 'https://dcgan-js.github.io',
  base: '/dcgan.js/',
  trailingSlash: 'always',
  // Pages build the models and read the packages' files in Node: load the packages as Node does,
  // unbundled, so that their own paths (import.meta.url) hold.
  markdown: { rehypePlugins: [rehypeFocusableTables] },
  // The figures are small PNGs, shown as they are: no image service (nor sharp) to install.
  image: { service: passthroughImageService() },
  vite: { ssr: { external: ['@dcgan/eval', '@dcgan/models'] } },
  integrations: [
    starlight({
      title: 'dcgan.js',
      description: 'Train and use DCGANs in JavaScript with TensorFlow.js',
      logo: { src: './src/assets/logo.svg', alt: '' },
      favicon: '/favicon.svg',
      social: [{ icon: 'github', label: 'GitHub', href: 'https://github.com/dcgan-js/dcgan.js' }],
      editLink: { baseUrl: 'https://github.com/dcgan-js/dcgan.js/edit/main/apps/docs/' },
      customCss: ['./src/styles/theme.css'],
      lastUpdated: false,
      // Long lines wrap rather than scroll: readable on a phone, and no region to reach by keyboard.
      expressiveCode: { defaultProps: { wrap: true } },
      sidebar: [
        { label: 'Start', items: ['getting-started'] },
        {
          label: 'Guides',
          items: ['guides/train-mnist', 'guides/train-your-images', 'guides/gpu', 'guides/embed'],
        },
        { label: 'Components', autogenerate: { directory: 'components' } },
        {
          label: 'Reference',
          items: [
            'reference/model',
            'reference/pretrained',
            'reference/evaluation',
            'reference/performance',
            'reference/reliability',
            'reference/results-history',
          ],
        },
        { label: 'API', collapsed: true, autogenerate: { directory: 'api' } },
      ],
    }),
    pretrainedFiles(),
    relativeUrls(),
  ],
});
