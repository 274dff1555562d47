// Credentials: Open Badges 3.0 credentials (Data Integrity eddsa-rdfc-2022 or VC-JWT), their
// Bitstring Status Lists, offline verification and the printable certificate (docs/credentials.md).
export * from './keys';
export * from './document-loader';
export * from './open-badge';
export * from './status-list';
export * from './issuer';
export * from './verify';
export * from './certificate';
export * from './verified-status-lists';
