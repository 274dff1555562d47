import type { Pool } from 'pg';
import { ContentStore } from './content-store';
import { FolderContentStore } from './folder/folder-content-store';
import { PostgresContentStore } from './postgres/postgres-content-store';
import type { S3ContentStoreOptions } from './s3/s3-content-store';

/** Where a service keeps its documents, as its configuration says (docs/content-store.md). */
export type ContentStoreSettings =
  | { kind: 'folder'; dir: string }
  | { kind: 'postgres'; url: string; schema?: string }
  | ({ kind: 's3' } & S3ContentStoreOptions);

/** Opens the configured store; PostgreSQL borrows the service's pool when given one. */
export async function openContentStore(settings: ContentStoreSettings, pool?: Pool): Promise<ContentStore> {
  switch (settings.kind) {
    case 'folder':
      return FolderContentStore.open({ dir: settings.dir });
    case 'postgres':
      return PostgresContentStore.connect(
        pool
          ? { pool, schema: settings.schema }
          : { connectionString: settings.url, schema: settings.schema },
      );
    case 's3': {
      // Loaded here only, so processes on other stores never load the AWS SDK.
      const { S3ContentStore } = await import('./s3/s3-content-store');
      const { kind: _kind, ...options } = settings;
      return S3ContentStore.open(options);
    }
  }
}
