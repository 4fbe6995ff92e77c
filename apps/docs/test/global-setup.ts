import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built site: `pnpm build` makes it (turbo builds it before `pnpm test`). */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));

export function setup(): void {
  if (!existsSync(`${DIST}index.html`) || !statSync(`${DIST}index.html`).isFile()) {
    throw new Error(`${DIST} holds no built site: run \`pnpm --filter @dcgan/docs build\` first`);
  }
}
