export * from './bounded';
export * from './validation-pipe';
export * from './empty-body';
export * from './shared-dtos';
export * from './plain-json';
export * from './money-total.dto';
export * from './text-characters';
export * from './utf8';
