/**
 * Node entry point of @dcgan/eval: everything of the main entry, plus the shipped classifiers and
 * an evaluator that scores a generator against a data set's real test images.
 *   import { evaluateGenerator } from '@dcgan/eval/node';
 *   const figures = await evaluateGenerator({ dataset: 'mnist', generator, samples: 10_000 });
 */
export type { BaselinesFile, EvalDataset } from './classifier-files.js';
export { classifierDir, loadClassifier, readBaselines } from './classifier-files.js';
export type {
  EvaluateOptions,
  GeneratorEvaluation,
  GeneratorEvaluator,
} from './evaluate-generator.js';
export { createEvaluator, evaluateGenerator } from './evaluate-generator.js';
export * from './index.js';
