import type { StepMetrics } from '@dcgan/train';
import cliProgress from 'cli-progress';

/**
 * Shows training progress: a bar on a terminal, a line every few seconds elsewhere (CI, logs,
 * pipes) or when `NO_COLOR` asks for plain text.
 */
export interface Progress {
  update(step: number, metrics: StepMetrics): void;
  log(line: string): void;
  stop(): void;
}

/** A progress display from `startStep` to `total` iterations, with iterations/s, ETA and losses. */
export function createProgress(startStep: number, total: number): Progress {
  const started = performance.now();
  const rate = (step: number) => (step - startStep) / ((performance.now() - started) / 1000);
  const losses = (m: StepMetrics) =>
    `D ${m.discriminatorLoss.toFixed(3)} (acc ${(m.discriminatorAccuracy * 100).toFixed(0)}%) G ${m.generatorLoss.toFixed(3)}`;
  if (!process.stderr.isTTY || process.env.NO_COLOR) {
    let lastPrint = 0;
    return {
      update(step, metrics) {
        if (performance.now() - lastPrint < 10_000 && step !== total) return;
        lastPrint = performance.now();
        const r = rate(step);
        console.error(
          `iteration ${step}/${total} ${r.toFixed(2)} it/s ETA ${formatEta((total - step) / r)} ${losses(metrics)}`,
        );
      },
      log: (line) => console.error(line),
      stop() {},
    };
  }
  const bars = new cliProgress.MultiBar(
    {
      format: 'train |{bar}| {value}/{total} {speed} it/s ETA {eta_formatted} {losses}',
      hideCursor: true,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  const bar = bars.create(total, startStep, { speed: '-', losses: '' });
  return {
    update: (step, metrics) =>
      bar.update(step, { speed: rate(step).toFixed(2), losses: losses(metrics) }),
    log: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}

function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  const s = Math.round(seconds);
  return s >= 3600
    ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
    : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}
