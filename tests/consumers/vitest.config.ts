import { defineProject } from 'vitest/config';

// global-setup packs every published package and installs the tarballs with npm into folders
// under the system's temporary folder, once; the files then use them as a user would. One file at
// a time: npm, the CLI and Chromium each take the 2 cores.
export default defineProject({
  test: {
    name: 'consumers',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
