import * as tf from '@tensorflow/tfjs-core';

/** The attributes tfjs gives Conv2D and its backprop kernels (these have no dilations). */
export interface ConvBackpropAttrs {
  strides: [number, number] | number;
  dilations?: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** The geometry of the forward convolution x `[b, inH, inW, inC]` * filter `[kh, kw, inC, outC]`. */
export function forwardConvInfo(
  xShape: number[],
  filterShape: number[],
  attrs: ConvBackpropAttrs,
): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
}
