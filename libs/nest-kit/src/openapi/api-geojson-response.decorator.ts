import { applyDecorators, Header } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

const FEATURE_COLLECTION_SCHEMA = {
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    attribution: { type: 'string', description: 'Where the outlines come from, and their licence' },
    features: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'geometry', 'properties'],
        properties: {
          type: { type: 'string', enum: ['Feature'] },
          id: { type: 'string' },
          geometry: { type: 'object', nullable: true },
          properties: { type: 'object' },
        },
      },
    },
  },
};

/** An RFC 7946 FeatureCollection, served as application/geo+json. */
export const ApiGeoJsonResponse = (description: string) =>
  applyDecorators(
    Header('content-type', 'application/geo+json; charset=utf-8'),
    ApiProduces('application/geo+json'),
    ApiOkResponse({
      description,
      content: { 'application/geo+json': { schema: FEATURE_COLLECTION_SCHEMA } },
    }),
  );
