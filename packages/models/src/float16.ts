const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The IEEE half-precision bits of a float32, rounded to nearest even (what tfjs decodes). */
export function float16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  let mantissa = bits & 0x7fffff;
  if (((bits >>> 23) & 0xff) === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  if (exponent >= 0x1f) return sign | 0x7c00;
  if (exponent <= 0) {
    if (exponent < -10) return sign;
    mantissa |= 0x800000;
    return sign | roundShift(mantissa, 14 - exponent);
  }
  // A carry out of the mantissa rounds up into the exponent, as it should.
  return sign | ((exponent << 10) + roundShift(mantissa, 13));
}

function roundShift(value: number, shift: number): number {
  const kept = value >>> shift;
  const rest = value & ((1 << shift) - 1);
  const half = 1 << (shift - 1);
  return rest > half || (rest === half && kept & 1) ? kept + 1 : kept;
}

/**
 * Encodes float32 weights as float16, for TensorFlow.js's quantized weight format: the specs get
 * `quantization: { dtype: 'float16' }` and the data half the bytes.
 */
export function quantizeFloat16<Spec extends { dtype: string }>(
  specs: Spec[],
  data: ArrayBuffer,
): {
  specs: (Spec & { quantization: { dtype: 'float16'; original_dtype: 'float32' } })[];
  data: ArrayBuffer;
} {
  for (const spec of specs) {
    if (spec.dtype !== 'float32')
      throw new Error(`quantizeFloat16: every weight must be float32, got ${spec.dtype}`);
  }
  const values = new Float32Array(data);
  const halves = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) halves[i] = float16Bits(values[i] as number);
  return {
    specs: specs.map((spec) => ({
      ...spec,
      quantization: { dtype: 'float16' as const, original_dtype: 'float32' as const },
    })),
    data: halves.buffer,
  };
}
