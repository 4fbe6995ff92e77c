import { defineProject } from 'vitest/config';

// Browser tests: global-setup builds the demo, serves it on a free localhost port and writes the
// generator; each file drives Debian's Chromium. One file at a time: Chromium takes the 2 cores.
export default defineProject({
  test: {
    name: 'demo',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
