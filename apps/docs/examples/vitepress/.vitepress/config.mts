import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'Digits',
  vue: {
    template: {
      // dcgan-* tags are custom elements: Vue leaves them to the browser.
      compilerOptions: { isCustomElement: (tag) => tag.startsWith('dcgan-') },
    },
  },
});
