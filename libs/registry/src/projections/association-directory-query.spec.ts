import { ValidationFailed } from '../domain/errors';
import { associationDirectoryProjection } from './association-directory';
import {
  associationDirectoryFilter,
  associationDirectorySort,
  AssociationDirectoryQuery,
  queryAssociationDirectory,
} from './association-directory-query';
import { escapeRegex } from './search-text';
import { directoryScenario } from './testing/fixtures';
import { projectLog } from './testing/registry-log';

describe('association directory queries', () => {
  const ids = async (query: AssociationDirectoryQuery) => {
    const { docs } = await projectLog(directoryScenario(), associationDirectoryProjection);
    return (await queryAssociationDirectory(docs, query)).items.map((d) => d._id);
  };

  it('builds plain filters: equality, $or over both origin lists, an escaped lower-case $regex', () => {
    expect(associationDirectoryFilter({})).toEqual({});
    expect(associationDirectoryFilter({ status: 'verified' })).toEqual({ status: 'verified' });
    expect(associationDirectoryFilter({ publicOnly: true, region: 'MA-09', text: ' M&D (Sud)* ' })).toEqual({
      $and: [
        { public: true },
        { $or: [{ originRegions: 'MA-09' }, { originProvinceRegions: 'MA-09' }] },
        {
          $or: [
            { 'search.names': { $regex: 'm&d \\(sud\\)\\*' } },
            { 'search.acronym': { $regex: 'm&d \\(sud\\)\\*' } },
          ],
        },
      ],
    });
    expect(associationDirectorySort({ sort: 'members', order: 'desc' })).toEqual({ members: -1, _id: 1 });
    expect(associationDirectorySort({})).toEqual({ 'names.fr': 1, _id: 1 });
    expect(new RegExp(escapeRegex('a.b*c?(d)[e]{f}|g^h$i\\j/k-l')).test('a.b*c?(d)[e]{f}|g^h$i\\j/k-l')).toBe(
      true,
    );
  });

  it('filters by region, counting provinces of origin and 1997 regions', async () => {
    expect(await ids({ region: 'MA-09' })).toEqual(['a2', 'a5', 'a7', 'a1', 'a6']);
    expect(await ids({ region: 'MA-09', publicOnly: true })).toEqual(['a2', 'a1']);
    expect(await ids({ region: 'MA-08' })).toEqual(['a2']);
    expect(await ids({ region: 'MA-06' })).toEqual(['a3']);
  });

  it('filters by province, host country, sector and status', async () => {
    expect(await ids({ province: 'MA-TAR' })).toEqual(['a1']);
    expect(await ids({ hostCountry: 'NL' })).toEqual(['a2']);
    expect(await ids({ hostCountry: 'FR' })).toEqual(['a3', 'a1', 'a6']);
    expect(await ids({ sector: '11220' })).toEqual(['a2', 'a4']);
    expect(await ids({ status: 'merged' })).toEqual(['a4']);
    expect(await ids({ status: 'verified', sector: '14030' })).toEqual(['a1']);
  });

  it('finds names in Arabic, French and English and acronyms, ignoring case and accents', async () => {
    expect(await ids({ text: 'الهجرة' })).toEqual(['a1']);
    expect(await ids({ text: 'المغربية' })).toEqual(['a2']);
    expect(await ids({ text: 'DEVELOPPEMENT' })).toEqual(['a1']);
    expect(await ids({ text: 'amitié maroc' })).toEqual(['a2']);
    expect(await ids({ text: 'Moroccans' })).toEqual(['a3']);
    expect(await ids({ text: 'migdev' })).toEqual(['a1']);
    expect(await ids({ text: 'aml' })).toEqual(['a3']);
    expect(await ids({ text: '.*' })).toEqual([]);
    expect(await ids({ text: '   ' })).toHaveLength(7);
  });

  it('sorts by French name, members or verification date, both ways', async () => {
    expect(await ids({})).toEqual(['a2', 'a5', 'a7', 'a3', 'a1', 'a6', 'a4']);
    expect(await ids({ sort: 'members', order: 'desc', publicOnly: true })).toEqual(['a1', 'a2']);
    expect(await ids({ sort: 'verifiedAt', status: 'verified' })).toEqual(['a1', 'a2']);
    expect(await ids({ sort: 'verifiedAt', status: 'verified', order: 'desc' })).toEqual(['a2', 'a1']);
  });

  it('pages with the total of all matches', async () => {
    const { docs } = await projectLog(directoryScenario(), associationDirectoryProjection);
    const pages = await Promise.all(
      [1, 2, 3].map((page) => queryAssociationDirectory(docs, { page, pageSize: 3 })),
    );
    expect(pages.map((p) => [p.page, p.pageSize, p.total, p.items.length])).toEqual([
      [1, 3, 7, 3],
      [2, 3, 7, 3],
      [3, 3, 7, 1],
    ]);
    expect(pages.flatMap((p) => p.items.map((d) => d._id))).toEqual([
      'a2',
      'a5',
      'a7',
      'a3',
      'a1',
      'a6',
      'a4',
    ]);
    expect(await queryAssociationDirectory(docs, { page: 9, pageSize: 3 })).toMatchObject({
      items: [],
      total: 7,
    });
    const defaults = await queryAssociationDirectory(docs, { publicOnly: true });
    expect(defaults).toMatchObject({ page: 1, pageSize: 20, total: 2 });
  });

  it('refuses a bad page, page size, sort or order', async () => {
    const { docs } = await projectLog(directoryScenario(), associationDirectoryProjection);
    for (const bad of [
      { page: 0 },
      { page: 1.5 },
      { pageSize: 0 },
      { pageSize: 101 },
      { sort: 'website' },
      { order: 'up' },
      { text: 'x'.repeat(201) },
    ] as AssociationDirectoryQuery[]) {
      await expect(queryAssociationDirectory(docs, bad)).rejects.toBeInstanceOf(ValidationFailed);
    }
    expect((await queryAssociationDirectory(docs, { pageSize: 100 })).pageSize).toBe(100);
  });
});
