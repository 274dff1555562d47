import { describe, expect, it } from 'vitest';
import { sha256Hex } from './file-digest';

describe('the fingerprint of a chosen document', () => {
  it('is the SHA-256 of its bytes in lowercase hex', async () => {
    expect(
      await sha256Hex({ arrayBuffer: async () => new TextEncoder().encode('abc').buffer as ArrayBuffer }),
    ).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
