export * from './demo-activities';
export * from './generate-activities';
