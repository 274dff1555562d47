import { MingoDocumentStore } from './mingo/mingo-document-store';
import { listPage } from './paged-find';

type CallDoc = { _id: string; callId: string; deadline: string; region: string; search?: string };

describe('a page of a list endpoint', () => {
  const store = new MingoDocumentStore();
  const calls = store.collection<CallDoc>('calls');

  beforeAll(async () => {
    for (let i = 1; i <= 5; i++)
      await calls.upsert(`c-${i}`, {
        $set: {
          callId: `c-${i}`,
          deadline: `2025-0${6 - i}-01`,
          region: i % 2 ? 'MA-01' : 'MA-02',
          search: 'x',
        },
      });
  });

  it('gives the asked page in the asked order, each item as the view shows it, with the count of all', async () => {
    const page = await listPage(
      calls,
      { region: 'MA-01' },
      { page: 2, pageSize: 2, sort: { deadline: 1, _id: 1 } },
      (doc) => doc.callId,
    );
    expect(page).toEqual({ items: ['c-1'], total: 3, page: 2, pageSize: 2 });
  });

  it('starts at page 1 with 20 items, and leaves out the fields the projection drops', async () => {
    const page = await listPage(calls, {}, { sort: { _id: 1 }, projection: { search: 0 } }, (doc) => doc);
    expect(page).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect(page.items.map((doc) => [doc.callId, 'search' in doc])).toEqual([
      ['c-1', false],
      ['c-2', false],
      ['c-3', false],
      ['c-4', false],
      ['c-5', false],
    ]);
  });
});
