// tfjs-core's ES module entry registers no gradients (the @tensorflow/tfjs bundle does);
// training needs them whatever the user installed, so the step functions import this file.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
