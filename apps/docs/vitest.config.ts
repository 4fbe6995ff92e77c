import { defineProject } from 'vitest/config';

// The built site (dist/, from `pnpm build`) in Debian's Chromium, and the embed recipes in theirs.
// One file at a time: Chromium takes the 2 cores.
export default defineProject({
  test: {
    name: 'docs',
    include: ['test/**/*.test.ts', 'integrations/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
