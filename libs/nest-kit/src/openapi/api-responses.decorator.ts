import { ApiOkResponse } from '@nestjs/swagger';

const PAGE_SCHEMA = {
  type: 'object',
  required: ['items', 'total', 'page', 'pageSize'],
  properties: {
    items: { type: 'array', items: { type: 'object' } },
    total: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 },
    pageSize: { type: 'integer', minimum: 1 },
  },
};

/** A page of a list: `items` of this page, the `total` matched, the `page` and its `pageSize`. */
export const ApiPageResponse = (description: string) =>
  ApiOkResponse({ description, schema: PAGE_SCHEMA as never });

/** One record (a stream folded, or a view of a read model); stream-backed ones carry an ETag. */
export const ApiRecordResponse = (description: string) =>
  ApiOkResponse({ description, schema: { type: 'object' } });

/** A whole list, not paged (small and bounded: an association's contacts, the twelve regions). */
export const ApiListResponse = (description: string) =>
  ApiOkResponse({ description, schema: { type: 'array', items: { type: 'object' } } });
