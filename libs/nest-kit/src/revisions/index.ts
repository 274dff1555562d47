export * from './entity-tag';
export * from './expected-revision-header.decorator';
export * from './revisioned';
