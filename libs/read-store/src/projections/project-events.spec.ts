import { RecordedEvent } from '@tadamon/eventsourcing';
import { MingoDocumentStore } from '../mingo/mingo-document-store';
import { projectEvents } from './project-events';
import { Projection } from './projection';

const counter: Projection = {
  name: 'counter',
  version: 1,
  collections: ['counts'],
  project: (event) => [
    {
      collection: 'counts',
      upsert: { id: event.streamId, update: { $inc: { n: 1 }, $set: { last: event.type } } },
    },
  ],
};

const event = (streamId: string, type: string, globalPosition: number): RecordedEvent =>
  ({ streamId, type, globalPosition, data: {}, metadata: {} }) as unknown as RecordedEvent;

describe('projectEvents', () => {
  it('gives the documents the read model would hold for exactly these events, in order', async () => {
    const store = new MingoDocumentStore();
    await projectEvents(
      counter,
      [event('a-1', 'Opened', 1), event('a-1', 'Revised', 4), event('b-1', 'Opened', 5)],
      store,
    );
    expect(await store.collection('counts').get('a-1')).toMatchObject({
      n: 2,
      last: 'Revised',
      _position: 4,
    });
    expect(await store.collection('counts').get('b-1')).toMatchObject({ n: 1, last: 'Opened' });
  });

  it('changes nothing for an event a document already reflects', async () => {
    const store = new MingoDocumentStore();
    await projectEvents(counter, [event('a-1', 'Opened', 1), event('a-1', 'Revised', 4)], store);
    await projectEvents(counter, [event('a-1', 'Revised', 4)], store);
    expect(await store.collection('counts').get('a-1')).toMatchObject({ n: 2 });
  });
});
