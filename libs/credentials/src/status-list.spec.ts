import { gunzipSync } from 'node:zlib';
import { encodeStatusList, readStatusBit, STATUS_LIST_MIN_LENGTH, statusListCredential } from './status-list';

describe('Bitstring Status List', () => {
  it("encodes as the spec says: 'u', then base64url without padding of the GZIP of the bits, the first index the most significant bit", async () => {
    const encoded = await encodeStatusList([0, 9, 131_071]);
    expect(encoded[0]).toBe('u');
    expect(encoded).not.toMatch(/[=+/]/);
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bits.length).toBe(STATUS_LIST_MIN_LENGTH / 8);
    expect([bits[0], bits[1], bits[bits.length - 1]]).toEqual([0b1000_0000, 0b0100_0000, 0b0000_0001]);
    expect(bits.subarray(2, -1).every((byte) => byte === 0)).toBe(true);
  });

  it('reads back the bits it set and only those', async () => {
    const encoded = await encodeStatusList([3, 77_000]);
    expect(await readStatusBit(encoded, 3)).toBe(true);
    expect(await readStatusBit(encoded, 77_000)).toBe(true);
    expect(await readStatusBit(encoded, 4)).toBe(false);
    await expect(readStatusBit(encoded, STATUS_LIST_MIN_LENGTH)).rejects.toThrow(/outside/);
  });

  it('refuses lists shorter than 131072 bits and indexes outside the list', async () => {
    await expect(encodeStatusList([], 1024)).rejects.toThrow(/at least 131072/);
    await expect(encodeStatusList([STATUS_LIST_MIN_LENGTH])).rejects.toThrow(/outside/);
    await expect(encodeStatusList([-1])).rejects.toThrow(/outside/);
  });

  it('builds a BitstringStatusListCredential for a purpose', async () => {
    const credential = await statusListCredential({
      id: 'https://tadamon.example/status/revocation/1',
      issuer: 'https://tadamon.example/issuer',
      purpose: 'revocation',
      setIndexes: [5],
      validFrom: '2026-12-01T00:00:00Z',
    });
    expect(credential).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: {
        id: 'https://tadamon.example/status/revocation/1#list',
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
      },
    });
    const { encodedList } = credential.credentialSubject as { encodedList: string };
    expect(await readStatusBit(encodedList, 5)).toBe(true);
  });
});
