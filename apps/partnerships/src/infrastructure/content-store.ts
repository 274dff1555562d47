import { ContentStore, openContentStore } from '@tadamon/content-store';
import { ContentStoreLocation, OpenedResources } from '@tadamon/nest-kit';
import { Pool } from 'pg';

const described = (location: ContentStoreLocation): string => {
  switch (location.kind) {
    case 'folder':
      return `the content store folder ${location.dir} (TADAMON_CONTENT_DIR)`;
    case 'postgres':
      return `the content store in PostgreSQL, schema ${location.schema} (DATABASE_URL)`;
    case 's3':
      return `the content store bucket ${location.bucket} at ${location.endpoint ?? 'AWS S3'} (TADAMON_CONTENT_S3_*)`;
  }
};

/**
 * Opens where documents are kept; PostgreSQL borrows the service's pool when the log is there
 * (uploads then share its connections: docs/content-store.md). Closed with the other resources.
 */
export function openPartnershipsContentStore(
  location: ContentStoreLocation,
  resources: OpenedResources,
  pool: Pool | undefined,
): Promise<ContentStore> {
  return resources.open(
    described(location),
    () => openContentStore(location, location.kind === 'postgres' ? pool : undefined),
    (store) => store.close(),
  );
}
