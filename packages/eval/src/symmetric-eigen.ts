/**
 * Eigenvalues and eigenvectors of a real symmetric matrix, by cyclic Jacobi rotations in float64:
 * slow (size³ per sweep) but accurate to rounding, and enough for the classifier's feature sizes.
 * @param matrix `[size, size]` row-major; only its values are read
 * @returns `values` `[size]` and `vectors` `[size, size]` row-major, eigenvector i in column i
 */
export function symmetricEigen(
  matrix: ArrayLike<number>,
  size: number,
): { values: Float64Array; vectors: Float64Array } {
  if (matrix.length !== size * size) {
    throw new Error(`expected ${size}x${size} = ${size * size} values, got ${matrix.length}`);
  }
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  let total = 0;
  for (const x of a) total += x * x;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) off += (a[p * size + q] as number) ** 2;
    }
    if (off <= 1e-30 * total) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) rotate(a, v, size, p, q);
    }
  }
  const values = Float64Array.from({ length: size }, (_, i) => a[i * size + i] as number);
  return { values, vectors: v };
}

/** One Jacobi rotation A <- Jᵀ A J, V <- V J that zeroes A[p][q]. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q] as number;
  if (apq === 0) return;
  const theta = ((a[q * n + q] as number) - (a[p * n + p] as number)) / (2 * apq);
  const t =
    Math.abs(theta) > 1e150
      ? 1 / (2 * theta)
      : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const [kp, kq] = [a[k * n + p] as number, a[k * n + q] as number];
    a[k * n + p] = c * kp - s * kq;
    a[k * n + q] = s * kp + c * kq;
  }
  for (let k = 0; k < n; k++) {
    const [pk, qk] = [a[p * n + k] as number, a[q * n + k] as number];
    a[p * n + k] = c * pk - s * qk;
    a[q * n + k] = s * pk + c * qk;
  }
  for (let k = 0; k < n; k++) {
    const [kp, kq] = [v[k * n + p] as number, v[k * n + q] as number];
    v[k * n + p] = c * kp - s * kq;
    v[k * n + q] = s * kp + c * kq;
  }
}

/**
 * The square root of a symmetric positive semi-definite matrix `[size, size]` (row-major, float64):
 * V diag(√λ) Vᵀ, eigenvalues below zero (rounding) taken as zero.
 */
export function sqrtSymmetric(matrix: ArrayLike<number>, size: number): Float64Array {
  const { values, vectors } = symmetricEigen(matrix, size);
  const roots = values.map((value) => Math.sqrt(Math.max(0, value)));
  const out = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) {
      let sum = 0;
      for (let k = 0; k < size; k++) {
        sum +=
          (vectors[i * size + k] as number) *
          (roots[k] as number) *
          (vectors[j * size + k] as number);
      }
      out[i * size + j] = sum;
      out[j * size + i] = sum;
    }
  }
  return out;
}
