import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI, as `pnpm dcgan` runs it. */
export const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

/** A fresh folder for one test's runs. */
export const tempDir = () => mkdtemp(join(tmpdir(), 'dcgan-trainer-'));

/** Runs the CLI to the end; resolves with its exit code and output. */
export function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = startCli(args);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Starts the CLI without waiting for it (to signal or kill it). */
export function startCli(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Arguments of a tiny but real training run: the spec's model on real MNIST, batch 8, wasm. */
export const tinyRun = (out: string, iterations: number, extra: string[] = []) => [
  'train',
  '--backend',
  'wasm',
  '--batch-size',
  '8',
  '--iterations',
  String(iterations),
  '--sample-interval',
  '2',
  '--sample-count',
  '4',
  '--seed',
  '7',
  '--out',
  out,
  ...extra,
];
