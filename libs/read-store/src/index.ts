export * from './document-store';
export * from './mingo/mingo-document-store';
export * from './mongoose/mongoose-document-store';
