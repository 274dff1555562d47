/**
 * 131072 bits (16 KiB), the minimum the Bitstring Status List recommends: a list that small in use
 * still hides which credential a verifier checks among many (herd privacy).
 */
export const STATUS_LIST_SIZE = 131_072;

/**
 * Each list is published twice, one bitstring per purpose; a certificate holds the same index in
 * both, so suspending and revoking it sets the same bit position in one or the other.
 */
export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** How a list spreads its indexes: fixed when the list is opened. */
export type IndexPermutation = { readonly stride: number; readonly offset: number };

/**
 * The index of the k-th allocation (k from 0): (k * stride + offset) mod size. The size is 2^17 and
 * the stride odd, hence coprime with it: k -> index is a permutation of 0 .. size-1, so the first
 * `size` allocations never share an index, and consecutive certificates land far apart (issuance
 * order does not show in the indexes). k * stride < 2^34: exact in a double.
 */
export const statusListIndexAt = (k: number, { stride, offset }: IndexPermutation): number =>
  (k * stride + offset) % STATUS_LIST_SIZE;
