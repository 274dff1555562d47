export * from './actor';
export * from './auth.decorators';
export * from './access';
export * from './auth.guard';
export * from './token-verifier';
export * from './token-issuer';
export * from './password-hashing';
