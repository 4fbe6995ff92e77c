import { SeededRandom } from '@dcgan/data';
import { descriptorRows, type RowSource } from './descriptor-rows.js';
import type { PatchDescriptors } from './descriptors.js';
import { projectRows } from './project-rows.js';
import { sortFloats } from './radix-sort.js';
import { randomDirections } from './random-directions.js';
import { wasserstein1d } from './wasserstein-1d.js';

/** How the sliced Wasserstein distance is estimated. */
export interface SlicedWassersteinOptions {
  /** Seeds the directions: keep it fixed to compare fake sets on the same directions. */
  seed: number;
  /** Random directions per level: 512, Karras et al.'s 4 repeats of 128 (the mean of their means). */
  directions?: number;
  /** Bytes for the projections held at once (both sets); fewer bytes mean more passes over the rows. */
  memory?: number;
}

/** The sliced Wasserstein distance per pyramid level (finest first) and their mean, all x 1e3. */
export interface SlicedWassersteinResult {
  sizes: [number, number][];
  distances: number[];
  average: number;
}

/**
 * The sliced Wasserstein distance between two sets of patch descriptors at each level of their
 * pyramids, reported x 1e3 as in Karras et al. (2018): the mean over random directions of the
 * 1-Wasserstein distance between the sets' normalised descriptors projected on each direction.
 * The sets may hold different numbers of images. Symmetric, and 0 between a set and itself.
 */
export async function slicedWasserstein(
  real: PatchDescriptors,
  fake: PatchDescriptors,
  options: SlicedWassersteinOptions,
): Promise<SlicedWassersteinResult> {
  checkComparable(real, fake);
  const random = new SeededRandom(checkOptions(options).seed);
  const distances: number[] = [];
  for (let level = 0; level < real.levels.length; level++) {
    const a = descriptorRows(real, level);
    const b = descriptorRows(fake, level);
    distances.push(1e3 * (await projectedDistance(a, b, random, options)));
  }
  return {
    sizes: real.levels.map(({ height, width }) => [height, width]),
    distances,
    average: distances.reduce((sum, d) => sum + d, 0) / distances.length,
  };
}

/**
 * The sliced Wasserstein distance between the rows of two matrices `[rows, dimension]` (raw,
 * not x 1e3, and without normalisation).
 */
export async function slicedWassersteinDistance(
  a: Float32Array,
  b: Float32Array,
  options: SlicedWassersteinOptions & { dimension: number },
): Promise<number> {
  const { dimension } = options;
  if (
    !Number.isInteger(dimension) ||
    dimension < 1 ||
    a.length % dimension ||
    b.length % dimension
  ) {
    throw new Error(
      `slicedWassersteinDistance: dimension ${dimension} does not divide the ${a.length} and ${b.length} values`,
    );
  }
  const source = (values: Float32Array): RowSource => ({
    rows: values.length / dimension,
    dimension,
    shift: new Float64Array(dimension),
    scale: new Float64Array(dimension).fill(1),
    *chunks(maxRows) {
      for (let start = 0; start < values.length; start += maxRows * dimension) {
        yield values.subarray(start, start + maxRows * dimension);
      }
    },
  });
  return projectedDistance(
    source(a),
    source(b),
    new SeededRandom(checkOptions(options).seed),
    options,
  );
}

async function projectedDistance(
  a: RowSource,
  b: RowSource,
  random: SeededRandom,
  options: SlicedWassersteinOptions,
): Promise<number> {
  if (a.rows === 0 || b.rows === 0)
    throw new Error('slicedWasserstein: an empty set of descriptors');
  const { directions: count = 512, memory = 256 * 2 ** 20 } = options;
  const directions = randomDirections(random, a.dimension, count);
  const group = Math.max(1, Math.min(count, Math.floor(memory / (4 * (a.rows + b.rows)))));
  const columnsA = new Float32Array(group * a.rows);
  const columnsB = new Float32Array(group * b.rows);
  const scratch = new Uint32Array(Math.max(a.rows, b.rows));
  let total = 0;
  for (let first = 0; first < count; first += group) {
    const size = Math.min(group, count - first);
    await projectRows(a, directions, first, size, columnsA);
    await projectRows(b, directions, first, size, columnsB);
    for (let k = 0; k < size; k++) {
      const projectedA = columnsA.subarray(k * a.rows, (k + 1) * a.rows);
      const projectedB = columnsB.subarray(k * b.rows, (k + 1) * b.rows);
      sortFloats(projectedA, scratch);
      sortFloats(projectedB, scratch);
      total += wasserstein1d(projectedA, projectedB);
    }
  }
  return total / count;
}

function checkOptions(options: SlicedWassersteinOptions): SlicedWassersteinOptions {
  const { seed, directions = 512, memory = 1 } = options;
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`slicedWasserstein: seed ${seed}, expected an integer >= 0`);
  if (!Number.isInteger(directions) || directions < 1) {
    throw new Error(`slicedWasserstein: directions ${directions}, expected a positive integer`);
  }
  if (!(memory > 0))
    throw new Error(`slicedWasserstein: memory ${memory}, expected a number of bytes > 0`);
  return options;
}

function checkComparable(real: PatchDescriptors, fake: PatchDescriptors): void {
  const shape = (d: PatchDescriptors) =>
    `${d.channels} channels, ${d.patchSize}-px neighbourhoods, levels ${d.levels.map((l) => `${l.height}x${l.width}`).join(', ')}`;
  if (shape(real) !== shape(fake)) {
    throw new Error(
      `slicedWasserstein: real descriptors have ${shape(real)}; fake ones ${shape(fake)}`,
    );
  }
}
