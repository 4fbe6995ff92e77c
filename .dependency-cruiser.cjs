// The import graph of the packages (docs/architecture.md): `pnpm lint` checks it.
const LIBRARIES = '^packages/(data|models|kernels|eval|train|viz)/';
const NOT_TESTS = '\\.test\\.ts$|test-(support|backend)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'libraries-never-import-apps',
      comment: 'A library is used by the apps, never the other way round.',
      severity: 'error',
      from: { path: LIBRARIES },
      to: { path: '^apps/|^@dcgan/(cli|demo|docs|trainer)' },
    },
    {
      name: 'kernels-import-no-dcgan-package',
      comment: '@dcgan/kernels depends on TensorFlow.js alone.',
      severity: 'error',
      from: { path: '^packages/kernels/src/', pathNot: NOT_TESTS },
      to: { path: '^packages/(?!kernels/)|^@dcgan/' },
    },
    {
      name: 'eval-does-not-import-train',
      comment: 'Evaluation judges generators; it knows nothing of how they were trained.',
      severity: 'error',
      from: { path: '^packages/eval/' },
      to: { path: '^packages/train/|^@dcgan/train' },
    },
    {
      name: 'viz-imports-no-backend',
      comment: 'Components draw with whatever backend the page chose.',
      severity: 'error',
      from: { path: '^packages/viz/src/', pathNot: NOT_TESTS },
      to: { path: '@tensorflow/tfjs-(backend-|node)' },
    },
    {
      name: 'libraries-import-no-backend',
      comment: 'Only the apps choose a TensorFlow.js backend; libraries take it as it is.',
      severity: 'error',
      from: { path: LIBRARIES, pathNot: NOT_TESTS },
      to: {
        path: '@tensorflow/tfjs-(backend-(cpu|webgl)|node)|node_modules/@tensorflow/tfjs/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'no-test-code-in-libraries',
      comment: 'Test helpers stay out of what a library ships.',
      severity: 'error',
      from: { path: LIBRARIES, pathNot: NOT_TESTS },
      to: { path: '^packages/testing/|test-support\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ['node_modules', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
