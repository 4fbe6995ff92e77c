/**
 * What @dcgan/train needs of the models' internals: not API, and free to change in any release.
 *   import { generatorPass } from '@dcgan/models/internal';
 */
export type { GeneratorInput, GeneratorPass } from './generator-pass.js';
export { generatorPass } from './generator-pass.js';
