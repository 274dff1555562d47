export * from './activity';
export * from './codelists/embedded';
export * from './codelists/non-embedded';
export * from './budget-periods';
export * from './location';
export * from './write-activities';
export * from './xml/xml-text';
export * from './schema/validate-schema';
