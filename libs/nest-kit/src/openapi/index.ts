export * from './api-problems.decorator';
export * from './problem-details.schema';
export * from './openapi';
export * from './api-responses.decorator';
export * from './command-endpoint.decorator';
export * from './api-geojson-response.decorator';
