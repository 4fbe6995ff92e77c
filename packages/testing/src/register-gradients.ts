// For tests (vitest) and bundlers only: tfjs-core's ES entry registers no gradients, and this
// extensionless ES module cannot load in plain Node. In Node, import '@tensorflow/tfjs' instead
// (its CommonJS bundle registers them); the library itself imports neither (see dcgan.ts).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
