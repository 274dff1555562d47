import { randomUUID } from 'node:crypto';
import { RecordedEvent } from '@tadamon/eventsourcing';
import {
  DocumentStore,
  MingoDocumentStore,
  MongooseDocumentStore,
  ProjectionRunner,
  ProjectionSource,
} from '@tadamon/read-store';
import { requireServer } from '@tadamon/testing';
import { certificateStreamName } from '../domain/certificate/certificate';
import { CertificateEvent } from '../domain/certificate/certificate-events';
import { issuance, issued, reinstated, revoked, suspended } from '../domain/certificate/certificate.fixtures';
import { CertificateDoc, certificatesProjection, TRAINING_CERTIFICATES } from './certificates';

/** The events as a log would hand them to the runner, in order. */
function logOf(events: { stream: string; event: CertificateEvent }[]): ProjectionSource {
  const recorded = events.map(
    ({ stream, event }, i) =>
      ({
        ...event,
        id: `e-${i}`,
        schemaVersion: 1,
        metadata: {},
        streamId: stream,
        revision: i,
        globalPosition: i + 1,
        recordedAt: '2026-06-12T16:00:00.000Z',
        prevHash: '',
        hash: '',
      }) as unknown as RecordedEvent,
  );
  return {
    readAll: async ({ after = 0, maxCount = 1000 }) =>
      recorded.filter((e) => e.globalPosition > after).slice(0, maxCount),
    headPosition: async () => recorded.length,
  };
}

const STORES: { name: string; open(): Promise<{ docs: DocumentStore; close(): Promise<void> }> }[] = [
  { name: 'mingo', open: async () => ({ docs: new MingoDocumentStore(), close: async () => undefined }) },
  {
    name: 'FerretDB',
    open: async () => {
      const store = await MongooseDocumentStore.connect(
        requireServer('mongo'),
        `training_${randomUUID().slice(0, 8)}`,
      );
      return {
        docs: store,
        close: async () => {
          await store.dropDatabase();
          await store?.close();
        },
      };
    },
  },
];

describe.each(STORES)('certificates read model on $name', ({ open }) => {
  let store: { docs: DocumentStore; close(): Promise<void> };
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store?.close();
  });

  const project = async (events: CertificateEvent[]) => {
    const stream = certificateStreamName(issuance.certificateId);
    const runner = new ProjectionRunner(
      logOf(events.map((event) => ({ stream, event }))),
      store.docs,
      certificatesProjection,
    );
    await runner.catchUp();
    return store.docs.collection<CertificateDoc>(TRAINING_CERTIFICATES).get(issuance.certificateId);
  };

  it('lists an issued certificate with what the status lists need, and no sealed credential', async () => {
    const doc = await project([issued]);
    expect(doc).toMatchObject({
      certificateId: issuance.certificateId,
      traineeId: issuance.traineeId,
      associationId: issuance.associationId,
      statusListId: issuance.statusListId,
      statusListIndex: issuance.statusListIndex,
      status: 'active',
      changedAt: '2026-06-12T16:00:00.000Z',
      revokedAt: null,
    });
    expect(doc).not.toHaveProperty('sealedCredential');
  });

  it('follows a suspension, its reinstatement and the revocation, each moving changedAt', async () => {
    expect(await project([issued, suspended])).toMatchObject({
      status: 'suspended',
      suspensionReason: 'Enquête sur la feuille de présence',
    });
    const doc = await project([issued, suspended, reinstated, revoked]);
    expect(doc).toMatchObject({
      status: 'revoked',
      suspendedAt: null,
      revocationReason: { code: 'completion-annulled', text: 'Présences falsifiées' },
      revokedAt: '2026-07-01T09:00:00.000Z',
      changedAt: '2026-07-01T09:00:00.000Z',
    });
  });
});
