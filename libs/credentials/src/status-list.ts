import { BitstringStatusList, decodeList } from '@digitalbazaar/vc-bitstring-status-list';
import { CREDENTIALS_V2_CONTEXT } from './document-loader';
import type { Credential } from './open-badge';

/** The spec's minimum (16 KiB uncompressed), so that a list's size says nothing about how many credentials it covers. */
export const STATUS_LIST_MIN_LENGTH = 131_072;

export type StatusPurpose = 'revocation' | 'suspension';

/** The `encodedList` of a list whose given indexes are set: GZIP, base64url without padding, multibase prefix `u`. */
export async function encodeStatusList(
  setIndexes: Iterable<number>,
  length = STATUS_LIST_MIN_LENGTH,
): Promise<string> {
  if (!Number.isInteger(length) || length < STATUS_LIST_MIN_LENGTH || length % 8 !== 0)
    throw new Error(
      `A status list has at least ${STATUS_LIST_MIN_LENGTH} bits, a multiple of 8 (not ${length}).`,
    );
  const list = new BitstringStatusList({ length });
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= length)
      throw new Error(`Index ${index} is outside the list (0..${length - 1}).`);
    list.setStatus(index, true);
  }
  return list.encode();
}

/** The bit at `index` of an `encodedList`. */
export async function readStatusBit(encodedList: string, index: number): Promise<boolean> {
  const list = await decodeList({ encodedList });
  if (!Number.isInteger(index) || index < 0 || index >= list.length)
    throw new Error(`Index ${index} is outside the status list (0..${list.length - 1}).`);
  return list.getStatus(index);
}

/** An unsigned BitstringStatusListCredential; sign it with the issuer of the credentials it covers. */
export async function statusListCredential(options: {
  id: string;
  issuer: string;
  purpose: StatusPurpose;
  setIndexes: Iterable<number>;
  length?: number;
  validFrom: string;
  validUntil?: string;
}): Promise<Credential> {
  return {
    '@context': [CREDENTIALS_V2_CONTEXT],
    id: options.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: options.issuer,
    validFrom: options.validFrom,
    ...(options.validUntil ? { validUntil: options.validUntil } : {}),
    credentialSubject: {
      id: `${options.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: options.purpose,
      encodedList: await encodeStatusList(options.setIndexes, options.length),
    },
  };
}
