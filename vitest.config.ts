import { defineConfig } from 'vitest/config';

// One vitest project per package; `pnpm test` runs them through turbo, one package at a time.
export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'tests/*'] },
});
