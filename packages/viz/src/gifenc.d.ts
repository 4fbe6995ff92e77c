// gifenc ships no types; these are the parts this package uses.
declare module 'gifenc' {
  interface FrameOptions {
    palette?: number[][];
    delay?: number;
    repeat?: number;
  }
  interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export function GIFEncoder(): Encoder;
  /** A palette of at most `colors` RGB entries for RGBA pixels. */
  export function quantize(rgba: Uint8Array, colors: number): number[][];
  /** Each RGBA pixel's index in `palette`. */
  export function applyPalette(rgba: Uint8Array, palette: number[][]): Uint8Array;
}
