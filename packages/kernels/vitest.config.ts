import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'kernels', testTimeout: 120_000 } });
