import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'data', testTimeout: 60_000 } });
