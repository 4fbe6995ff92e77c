export type { BaselinesFile, EvalDataset } from './classifier-files.js';
export { classifierDir, loadClassifier, readBaselines } from './classifier-files.js';
export type {
  EvaluateOptions,
  GeneratorEvaluation,
  GeneratorEvaluator,
} from './evaluate-generator.js';
export { createEvaluator, evaluateGenerator } from './evaluate-generator.js';
