import { defaultModelConfig, type ModelConfig } from '@dcgan/models';
import { checkTrainConfig, defaultTrainConfig, type TrainConfig } from '@dcgan/train';

/** Everything a run is made of; written as `config.json` beside its checkpoints. */
export interface RunConfig {
  /** `mnist`, `fashion` or a folder of IDX files. */
  data: string;
  backend: string;
  model: ModelConfig;
  train: TrainConfig;
  eval: EvalConfig;
}

/** Evaluation during training (classifier score, Fréchet distance, class shares in metrics.jsonl). */
export interface EvalConfig {
  /** Iterations between evaluations, a multiple of the sample interval; 0 (off) by default: each costs seconds. */
  interval: number;
  /**
   * Fakes per evaluation: 2,000 keeps each to seconds; `dcgan eval` uses 10,000, as its
   * Fréchet distance baseline does (the distance is biased upwards on fewer samples).
   */
  samples: number;
  /**
   * The evaluation figure whose best value so far keeps its checkpoint in `checkpoints/best/`, apart
   * from the rotation of the last ones: none by default.
   */
  keepBest?: KeepBestMetric;
}

/** The figures `--keep-best` can follow: the distance falls as the fakes improve, the score rises. */
export const KEEP_BEST_METRICS = ['frechet-distance', 'classifier-score'] as const;
export type KeepBestMetric = (typeof KEEP_BEST_METRICS)[number];

/** Evaluation off by default. */
export function defaultEvalConfig(): EvalConfig {
  return { interval: 0, samples: 2_000 };
}

/** One command-line flag for one config field. */
export interface ConfigFlag {
  flag: string;
  /** Where the field sits in a `RunConfig`, e.g. `['model', 'generator', 'latentSize']`. */
  path: string[];
  kind: 'number' | 'integer' | 'list';
  defaultValue: number | number[];
  /** What the default means, where the value alone does not say. */
  defaultMeaning?: string;
}

/**
 * A flag for every config field: model fields as `--generator-<field>` and
 * `--discriminator-<field>`, training fields as `--<field>`, in kebab case.
 */
export function configFlags(): ConfigFlag[] {
  const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const kindOf = (v: unknown, key: string): ConfigFlag['kind'] =>
    Array.isArray(v)
      ? 'list'
      : Number.isInteger(v) && !/rate|slope|momentum|beta|epsilon|decay|smoothing/i.test(key)
        ? 'integer'
        : 'number';
  const models = defaultModelConfig();
  const flags: ConfigFlag[] = [];
  for (const part of ['generator', 'discriminator'] as const) {
    for (const [key, value] of Object.entries(models[part])) {
      flags.push({
        flag: `--${part}-${kebab(key)}`,
        path: ['model', part, key],
        kind: kindOf(value, key),
        defaultValue: value,
      });
    }
  }
  for (const [key, value] of Object.entries(defaultTrainConfig())) {
    flags.push({
      flag: `--${kebab(key)}`,
      path: ['train', key],
      kind: kindOf(value, key),
      defaultValue: value,
      ...(/.LearningRate$/.test(key) && { defaultMeaning: 'the --learning-rate' }),
    });
  }
  return flags;
}

/** Parses a flag's text, or throws a message naming the flag and what it expects. */
export function parseFlagValue(text: string, flag: ConfigFlag): number | number[] {
  const parseOne = (t: string) => {
    const value = Number(t);
    if (
      t.trim() === '' ||
      !Number.isFinite(value) ||
      (flag.kind !== 'number' && !Number.isInteger(value))
    ) {
      const expected =
        flag.kind === 'number'
          ? 'a number'
          : flag.kind === 'list'
            ? 'integers separated by commas'
            : 'an integer';
      throw new Error(`${flag.flag}: expected ${expected}, got "${text}"`);
    }
    return value;
  };
  return flag.kind === 'list' ? text.split(',').map(parseOne) : parseOne(text);
}

/** The defaults of SPEC.md with the given overrides applied; throws on values out of range. */
export function buildRunConfig(
  data: string,
  backend: string,
  overrides: Map<ConfigFlag, number | number[]>,
  evaluation: EvalConfig = defaultEvalConfig(),
): RunConfig {
  const config: RunConfig = {
    data,
    backend,
    eval: evaluation,
    model: defaultModelConfig(),
    train: defaultTrainConfig(),
  };
  for (const [flag, value] of overrides) {
    const name = flag.path.at(-1) as string;
    let target = config as unknown as Record<string, unknown>;
    for (const key of flag.path.slice(0, -1)) target = target[key] as Record<string, unknown>;
    const old = target[name];
    if (Array.isArray(old) && old.length !== (value as number[]).length) {
      throw new Error(
        `${flag.flag}: expected ${old.length} values, got ${(value as number[]).length}`,
      );
    }
    target[name] = value;
  }
  checkTrainConfig(config.train);
  checkEvalConfig(config);
  return config;
}

/** Throws a message naming the flag when the evaluation settings do not fit the run. */
export function checkEvalConfig({ eval: evaluation, train, data }: RunConfig): void {
  if (evaluation.interval % train.sampleInterval !== 0) {
    throw new Error(
      `--eval-interval ${evaluation.interval} must be a multiple of --sample-interval ${train.sampleInterval}`,
    );
  }
  if (evaluation.interval > 0 && data !== 'mnist' && data !== 'fashion') {
    throw new Error(
      `--eval-interval needs --data mnist or fashion (the data sets with a classifier), got ${data}`,
    );
  }
  if (evaluation.keepBest && evaluation.interval === 0) {
    throw new Error(
      `--keep-best ${evaluation.keepBest} needs an in-run evaluation: give --eval-interval`,
    );
  }
}
