import type { LayersModel } from '@tensorflow/tfjs-layers';

/** ‖a − b‖ / max(‖b‖, floor) over nested arrays of numbers: 0 when equal. */
export function relativeError(a: unknown, b: unknown, floor = 1e-30): number {
  const flatA = [a].flat(Number.POSITIVE_INFINITY) as number[];
  const flatB = [b].flat(Number.POSITIVE_INFINITY) as number[];
  if (flatA.length !== flatB.length) return Number.POSITIVE_INFINITY;
  let difference = 0;
  let norm = 0;
  for (let i = 0; i < flatA.length; i++) {
    difference += ((flatA[i] as number) - (flatB[i] as number)) ** 2;
    norm += (flatB[i] as number) ** 2;
  }
  return Math.sqrt(difference) / Math.max(Math.sqrt(norm), floor);
}

/** Every weight of a model (moving statistics too), as plain arrays keyed by name (less its `_N` suffix). */
export function weightValues(model: LayersModel): Record<string, number[]> {
  return Object.fromEntries(
    model.weights.map((w) => [w.name.replace(/_\d+$/, ''), Array.from(w.read().dataSync())]),
  );
}

/** `weightValues`, read asynchronously: WebGPU has no synchronous reads in Node. */
export async function readWeightValues(model: LayersModel): Promise<Record<string, number[]>> {
  const values = await Promise.all(model.weights.map((w) => w.read().data()));
  return Object.fromEntries(
    model.weights.map((w, i) => [w.name.replace(/_\d+$/, ''), Array.from(values[i] ?? [])]),
  );
}
