import {
  controllerDocumentOf,
  CredentialSigner,
  IssuerKeyMaterial,
  issuerKeyFromPem,
  IssuerProfile,
  staticDocumentLoader,
  StatusListSource,
  StatusPurpose,
} from '@tadamon/credentials';

/** Where Training's public credential documents are served, under the platform's public URL. */
export const ISSUER_PATH = 'api/training/issuer';
export const STATUS_LISTS_PATH = 'api/training/status-lists';
export const CERTIFICATES_PATH = 'api/training/certificates';

/** The ministry, as its certificates name it (OB 3.0 Profile name, every language). */
export const MINISTRY_NAME = {
  fr: 'Ministère délégué chargé des Marocains résidant à l’étranger',
  ar: 'الوزارة المنتدبة المكلفة بالمغاربة المقيمين بالخارج',
  en: 'Ministry Delegate for Moroccans Living Abroad',
};

export interface CredentialIssuerSettings {
  /** The issuer's Ed25519 private key, PKCS#8 PEM. */
  keyPem: string;
  /** The platform's public URL (no trailing slash needed): ids and links are under it. */
  publicUrl: string;
  /** Between two passes of the issuance process after the one at start; 0: none. */
  passIntervalMs?: number;
}

/**
 * The platform as an issuer of credentials: its key, its id (the URL of its controller document),
 * the URLs it names in credentials, and a signer. Nothing is fetched: the document loader serves
 * the contexts, this issuer's key and, for verification, this platform's status lists.
 */
export class CredentialIssuer {
  private constructor(
    readonly key: IssuerKeyMaterial,
    readonly signer: CredentialSigner,
    readonly baseUrl: string,
  ) {}

  static async create(settings: CredentialIssuerSettings): Promise<CredentialIssuer> {
    const baseUrl = settings.publicUrl.replace(/\/+$/, '');
    const key = await issuerKeyFromPem(settings.keyPem, `${baseUrl}/${ISSUER_PATH}`);
    const signer = await CredentialSigner.create(key, staticDocumentLoader({ issuerKeys: [key] }));
    return new CredentialIssuer(key, signer, baseUrl);
  }

  get issuerId(): string {
    return this.key.controller;
  }

  get profile(): IssuerProfile {
    return { id: this.issuerId, name: MINISTRY_NAME, url: this.baseUrl };
  }

  /** The controller document served at the issuer's id: its public key as an assertion method, and its name. */
  controllerDocument() {
    const { id, controller, publicKeyMultibase } = this.key;
    return {
      ...controllerDocumentOf(controller, [{ id, controller, publicKeyMultibase }]),
      name: MINISTRY_NAME,
    };
  }

  credentialUrl(certificateId: string): string {
    return `${this.baseUrl}/${CERTIFICATES_PATH}/${encodeURIComponent(certificateId)}`;
  }

  verificationUrl(certificateId: string): string {
    return `${this.credentialUrl(certificateId)}/verification`;
  }

  statusListUrl(statusListId: string, purpose: StatusPurpose): string {
    return `${this.baseUrl}/${STATUS_LISTS_PATH}/${encodeURIComponent(statusListId)}/${purpose}`;
  }

  /** Which list and purpose a URL of ours names, or undefined. */
  statusListOf(url: string): { statusListId: string; purpose: StatusPurpose } | undefined {
    const prefix = `${this.baseUrl}/${STATUS_LISTS_PATH}/`;
    if (!url.startsWith(prefix)) return undefined;
    const match = /^([^/]+)\/(revocation|suspension)$/.exec(url.slice(prefix.length));
    return match
      ? { statusListId: decodeURIComponent(match[1]), purpose: match[2] as StatusPurpose }
      : undefined;
  }

  documentLoader(statusLists?: StatusListSource) {
    const { id, controller, publicKeyMultibase } = this.key;
    return staticDocumentLoader({ issuerKeys: [{ id, controller, publicKeyMultibase }], statusLists });
  }
}
