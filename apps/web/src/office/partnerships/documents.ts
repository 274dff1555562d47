import {
  agreementDocumentsControllerAttach,
  agreementDocumentsControllerDownload,
  type AgreementDocumentsControllerAttachData,
} from '../../api/generated';

export type DocumentKind = AgreementDocumentsControllerAttachData['query']['kind'];
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'signed-convention',
  'amendment',
  'annex',
  'report',
  'correspondence',
  'other',
];

/** The media types the platform takes for a document; any other file goes as octet-stream. */
const ACCEPTED = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/zip',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

export const uploadMediaType = (file: { type: string }): string =>
  ACCEPTED.has(file.type) ? file.type : 'application/octet-stream';

/** The raw file as the body, its name and kind in the query (the platform keeps it by its SHA-256). */
export async function attachDocument(
  agreementId: string,
  file: File,
  kind: DocumentKind,
  headers: Record<string, string>,
) {
  return (
    await agreementDocumentsControllerAttach({
      path: { agreementId },
      query: { name: file.name, kind },
      body: file,
      headers: { ...headers, 'Content-Type': uploadMediaType(file) },
      throwOnError: true,
    })
  ).data;
}

/** The file with the session's token (a plain link would not carry it), saved under its name. */
export async function downloadDocument(agreementId: string, sha256: string, name: string): Promise<void> {
  const { data } = await agreementDocumentsControllerDownload({
    path: { agreementId, sha256 },
    parseAs: 'blob',
    throwOnError: true,
  });
  const url = URL.createObjectURL(data as unknown as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
