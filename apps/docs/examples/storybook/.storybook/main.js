/** @type {import('@storybook/web-components-vite').StorybookConfig} */
export default {
  framework: '@storybook/web-components-vite',
  stories: ['../*.stories.js'],
  // model.json and weights.bin of node_modules/@dcgan/models/pretrained/mnist/ under models/mnist/
  staticDirs: ['../public'],
};
