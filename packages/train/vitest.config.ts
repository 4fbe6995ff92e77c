import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'train', testTimeout: 120_000 } });
