import DefaultTheme from 'vitepress/theme';

export default {
  extends: DefaultTheme,
  async enhanceApp() {
    // In the browser only: the build renders pages in Node, where there is nothing to define.
    if (!import.meta.env.SSR) {
      await import('@tensorflow/tfjs-backend-webgl');
      await import('@dcgan/viz');
    }
  },
};
