import { createHash } from 'node:crypto';

/**
 * Status list credentials whose proof verified, by the SHA-256 of their JSON as loaded: a list
 * whose bytes differ in any way (another bit, another proof) has another digest and is verified
 * again. Only proofs are remembered: dates and bits are read on every verification. One per
 * verifier (the same document loader, hence the same issuer keys); the oldest entry goes first.
 */
export class VerifiedStatusLists {
  private readonly digests = new Set<string>();

  constructor(private readonly max = 64) {}

  /** A VC-JWT list (a string) is hashed as its exact bytes; a Data Integrity list as its JSON. */
  static digestOf(list: unknown): string {
    return createHash('sha256')
      .update(typeof list === 'string' ? list : JSON.stringify(list))
      .digest('base64url');
  }

  has(digest: string): boolean {
    return this.digests.has(digest);
  }

  add(digest: string): void {
    this.digests.delete(digest);
    this.digests.add(digest);
    if (this.digests.size > this.max) this.digests.delete(this.digests.values().next().value as string);
  }

  get size() {
    return this.digests.size;
  }
}
