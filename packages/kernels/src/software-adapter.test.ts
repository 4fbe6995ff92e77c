import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from './software-adapter.js';

describe('isSoftwareAdapter', () => {
  it('knows SwiftShader, lavapipe, llvmpipe and fallback adapters', () => {
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: 'software' })).toBe(true);
    expect(isSoftwareAdapter({ description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'acme', isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'acme' }, true)).toBe(true);
  });

  it('takes GPUs for hardware, Mesa drivers of real GPUs too', () => {
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'ampere' })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3' })).toBe(false);
    expect(
      isSoftwareAdapter({ vendor: 'mesa', description: 'AMD Radeon RX 6600 (RADV NAVI23)' }),
    ).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'intel', architecture: 'gen-12lp' }, false)).toBe(false);
  });
});
