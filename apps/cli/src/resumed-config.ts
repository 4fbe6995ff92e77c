import { checkTrainConfig, type TrainConfig } from '@dcgan/train';
import { checkEvalConfig, type KeepBestMetric, type RunConfig } from './run-config.js';
import { readRunConfig, writeRunConfig } from './run-files.js';

/** The run's config with the changes `--resume` asked for, written back to `config.json`. */
export async function resumedConfig(request: {
  runDir: string;
  train: Partial<TrainConfig>;
  keepBest?: KeepBestMetric;
}): Promise<RunConfig> {
  const config = await readRunConfig(request.runDir);
  const changes = Object.entries(request.train) as [keyof TrainConfig, number][];
  const { keepBest } = request;
  if (changes.length === 0 && keepBest === undefined) return config;
  for (const [key, value] of changes) {
    if (value === config.train[key]) continue;
    if (key !== 'iterations')
      console.error(
        `${describeField(key)} ${config.train[key]} -> ${value} from the last checkpoint on`,
      );
    (config.train[key] as number) = value;
  }
  if (keepBest !== undefined) config.eval = { ...config.eval, keepBest };
  checkTrainConfig(config.train);
  checkEvalConfig(config);
  await writeRunConfig(request.runDir, config);
  return config;
}

/** `generatorLearningRate` as `generator learning rate`; the average decay by its full name. */
const describeField = (key: keyof TrainConfig) =>
  key === 'averageDecay'
    ? 'generator average decay'
    : key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
