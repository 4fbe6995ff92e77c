import '@tensorflow/tfjs-backend-webgl';
import '@dcgan/viz';

export default {
  title: 'dcgan/Sample grid',
  args: { src: 'models/mnist/model.json', count: 16, seed: 1 },
  argTypes: { count: { control: { type: 'range', min: 1, max: 64 } } },
  render: ({ src, count, seed }) => {
    const grid = document.createElement('dcgan-sample-grid');
    Object.assign(grid, { src, count, seed, scale: 3 });
    return grid;
  },
};

export const Digits = {};
export const MoreDigits = { args: { count: 36, seed: 7 } };
