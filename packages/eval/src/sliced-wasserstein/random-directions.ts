import type { SeededRandom } from '@dcgan/data';

/**
 * `count` directions drawn uniformly on the unit sphere of `dimension` components (normalised
 * Gaussian vectors, by Box-Muller from `random`).
 * @returns `[count, dimension]`, one direction per row
 */
export function randomDirections(
  random: SeededRandom,
  dimension: number,
  count: number,
): Float64Array {
  const directions = new Float64Array(count * dimension);
  for (let i = 0; i < directions.length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
    const angle = 2 * Math.PI * random.next();
    directions[i] = radius * Math.cos(angle);
    if (i + 1 < directions.length) directions[i + 1] = radius * Math.sin(angle);
  }
  for (let k = 0; k < count; k++) {
    const direction = directions.subarray(k * dimension, (k + 1) * dimension);
    let squares = 0;
    for (const value of direction) squares += value * value;
    const norm = Math.sqrt(squares);
    if (norm === 0) direction[0] = 1;
    else for (let j = 0; j < dimension; j++) direction[j] = (direction[j] as number) / norm;
  }
  return directions;
}
