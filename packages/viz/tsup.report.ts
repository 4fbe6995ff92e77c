import { defineConfig } from 'tsup';

// The components of a run's report.html in one classic script, with lit and chart.js inside:
// writeReport inlines it, so that the report works opened from disk, offline.
export default defineConfig({
  entry: { 'report-components': 'src/report-components.ts' },
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  noExternal: [/.*/],
  outDir: 'dist',
  clean: false,
});
