import { execFile } from 'node:child_process';
import { delimiter, sep } from 'node:path';

/** What a finished command printed, and how it ended. */
export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: this process's, less what the test runners add (pnpm's
 * NODE_PATH onto the workspace's packages, which would find what the consumer did not install;
 * vitest's NODE_ENV; the workspace's node_modules/.bin in PATH; npm's and pnpm's script variables).
 */
export function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(NODE_PATH|NODE_OPTIONS|NODE_ENV|TEST|VITEST.*|npm_.*|PNPM_.*|INIT_CWD)$/i.test(key))
      continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => !dir.includes(`${sep}node_modules${sep}`))
    .join(delimiter);
  return env;
}

/**
 * Runs a program (no shell) in `cwd`, in a user's environment (`userEnv`) with `env` added, and
 * waits for it; never throws for a non-zero exit, so that tests can show what it printed.
 */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: { ...userEnv(), ...options.env },
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Runs a program and throws, with its output, unless it exits 0. */
export async function runOrThrow(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<Ran> {
  const ran = await run(command, args, options);
  if (ran.code !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} (in ${options.cwd}) exited ${ran.code}:\n${ran.stdout}\n${ran.stderr}`,
    );
  }
  return ran;
}
