/**
 * The SHA-256 of a file the association chose, in lowercase hex, computed in the browser: the
 * platform records the document's fingerprint, not the file (it is not uploaded).
 */
export async function sha256Hex(file: Pick<Blob, 'arrayBuffer'>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
