/**
 * The 1-Wasserstein distance between two sets of numbers, each sorted ascending: the mean of
 * |a_i - b_i| when both hold as many, else the area between their distribution functions.
 */
export function wasserstein1d(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new Error('wasserstein1d: an empty set');
  if (n === m) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
    return sum / n;
  }
  let area = 0;
  let i = 0;
  let j = 0;
  let previous = Math.min(a[0] as number, b[0] as number);
  while (i < n || j < m) {
    const fromA = j === m || (i < n && (a[i] as number) <= (b[j] as number));
    const next = fromA ? (a[i] as number) : (b[j] as number);
    area += Math.abs(i / n - j / m) * (next - previous);
    if (fromA) i++;
    else j++;
    previous = next;
  }
  return area;
}
