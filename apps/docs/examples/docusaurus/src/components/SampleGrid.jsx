import { useEffect } from 'react';

/** `<dcgan-sample-grid>` for MDX pages: the components load in the browser, after rendering. */
export default function SampleGrid({ src, count = 16, seed = 1, digit }) {
  useEffect(() => {
    import('@tensorflow/tfjs-backend-webgl').then(() => import('@dcgan/viz'));
  }, []);
  return <dcgan-sample-grid src={src} count={count} seed={seed} digit={digit} scale="3" />;
}
