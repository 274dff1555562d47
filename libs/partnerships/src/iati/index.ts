export * from './project-to-iati-activity';
export * from './published-activities';
export * from './project-iati-validation';
export * from './project-iati-check';
