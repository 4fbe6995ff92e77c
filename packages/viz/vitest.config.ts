import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'viz', testTimeout: 120_000 } });
