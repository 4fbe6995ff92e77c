import { SeededRandom } from '@dcgan/data';

/** A random `[size, size]` matrix B Bᵀ + shift · I: symmetric positive semi-definite (row-major). */
export function randomCovariance(size: number, seed: number, shift = 0): Float64Array {
  const random = new SeededRandom(seed);
  const b = Float64Array.from({ length: size * size }, () => random.next() * 2 - 1);
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let sum = i === j ? shift : 0;
      for (let k = 0; k < size; k++)
        sum += (b[i * size + k] as number) * (b[j * size + k] as number);
      out[i * size + j] = sum;
    }
  }
  return out;
}

/** A · B for `[n, n]` row-major matrices. */
export function multiply(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  return Float64Array.from({ length: n * n }, (_, index) => {
    const [i, j] = [Math.floor(index / n), index % n];
    let sum = 0;
    for (let k = 0; k < n; k++) sum += (a[i * n + k] as number) * (b[k * n + j] as number);
    return sum;
  });
}

/** Aᵀ for an `[n, n]` row-major matrix. */
export function transpose(a: ArrayLike<number>, n: number): Float64Array {
  return Float64Array.from(
    { length: n * n },
    (_, index) => a[(index % n) * n + Math.floor(index / n)] as number,
  );
}

/** The largest absolute difference between two arrays of the same length. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.max(...Array.from(a, (x, i) => Math.abs(x - (b[i] as number))));
}

/**
 * The principal square root of a (not necessarily symmetric) `[n, n]` matrix with positive real
 * eigenvalues, by the Denman–Beavers iteration: an independent check of the Jacobi route.
 */
export function denmanBeaversSqrt(a: ArrayLike<number>, n: number, iterations = 60): Float64Array {
  let y = Float64Array.from(a);
  let z = Float64Array.from({ length: n * n }, (_, index) => (index % (n + 1) === 0 ? 1 : 0));
  for (let k = 0; k < iterations; k++) {
    const [yInverse, zInverse] = [inverse(y, n), inverse(z, n)];
    y = y.map((value, i) => (value + (zInverse[i] as number)) / 2);
    z = z.map((value, i) => (value + (yInverse[i] as number)) / 2);
  }
  return y;
}

/** A⁻¹ by Gauss–Jordan elimination with partial pivoting. */
function inverse(a: ArrayLike<number>, n: number): Float64Array {
  const m = Float64Array.from(a);
  const out = Float64Array.from({ length: n * n }, (_, index) => (index % (n + 1) === 0 ? 1 : 0));
  const swapRows = (x: Float64Array, r: number, s: number) => {
    for (let j = 0; j < n; j++)
      [x[r * n + j], x[s * n + j]] = [x[s * n + j] as number, x[r * n + j] as number];
  };
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) {
      if (Math.abs(m[r * n + col] as number) > Math.abs(m[pivot * n + col] as number)) pivot = r;
    }
    swapRows(m, col, pivot);
    swapRows(out, col, pivot);
    const scale = m[col * n + col] as number;
    for (let j = 0; j < n; j++) {
      m[col * n + j] = (m[col * n + j] as number) / scale;
      out[col * n + j] = (out[col * n + j] as number) / scale;
    }
    for (let r = 0; r < n; r++) {
      const factor = m[r * n + col] as number;
      if (r === col || factor === 0) continue;
      for (let j = 0; j < n; j++) {
        m[r * n + j] = (m[r * n + j] as number) - factor * (m[col * n + j] as number);
        out[r * n + j] = (out[r * n + j] as number) - factor * (out[col * n + j] as number);
      }
    }
  }
  return out;
}
