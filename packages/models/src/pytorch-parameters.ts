/**
 * For tests: the parameters PyTorch counts (`sum(p.numel() for p in net.parameters())`, BatchNorm's
 * running statistics left out) in pytorch/examples' `dcgan/main.py` networks, extended to 32 and
 * 128 px by one block fewer or more, and to the conditional variants (the class one-hot concatenated
 * to z; a projection embedding of the class on the discriminator's last 4x4 features).
 */
export function pytorchParameters(
  imageSize: number,
  channels: number,
  { ngf = 64, ndf = 64, nz = 100, classes = 0 } = {},
): {
  generator: number;
  discriminator: number;
  batchNormChannels: { generator: number; discriminator: number };
} {
  const blocks = Math.log2(imageSize / 4);
  // ConvTranspose2d(in, out, 4, …, bias=False) has in * out * 16 weights; BatchNorm2d(n) 2n.
  const g = Array.from({ length: blocks }, (_, i) => ngf * 2 ** (blocks - 1 - i));
  let generator = (nz + classes) * (g[0] as number) * 16 + (g.at(-1) as number) * channels * 16;
  for (let i = 1; i < blocks; i++) generator += (g[i - 1] as number) * (g[i] as number) * 16;
  const gNorm = g.reduce((a, b) => a + b, 0);
  generator += 2 * gNorm;
  const d = Array.from({ length: blocks }, (_, i) => ndf * 2 ** i);
  const last = (d.at(-1) as number) * 16;
  let discriminator = channels * (d[0] as number) * 16 + last + classes * last;
  for (let i = 1; i < blocks; i++) discriminator += (d[i - 1] as number) * (d[i] as number) * 16;
  const dNorm = d.slice(1).reduce((a, b) => a + b, 0);
  discriminator += 2 * dNorm;
  return {
    generator,
    discriminator,
    batchNormChannels: { generator: gNorm, discriminator: dNorm },
  };
}
