/** The full state of a `SeededRandom`: save it to resume the same sequence. */
export type RandomState = number;

/**
 * A small seeded pseudo-random generator (mulberry32) whose state is one number,
 * so that runs can be reproduced and resumed exactly.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [1, 2^31), for seeding other generators (TensorFlow.js takes 0 as no seed). */
  nextSeed(): number {
    return 1 + Math.floor(this.next() * 2147483647);
  }

  getState(): RandomState {
    return this.state;
  }

  setState(state: RandomState): void {
    this.state = state >>> 0;
  }
}

/** Shuffles `array` in place (Fisher-Yates) with `random`. */
export function shuffleInPlace<T>(array: T[] | Uint32Array, random: SeededRandom): void {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    const tmp = array[i] as T;
    array[i] = array[j] as T;
    array[j] = tmp as never;
  }
}
