import { describe, expect, it } from 'vitest';
import { readDirectorySearch, toDirectoryQuery, writeDirectorySearch } from './directory-search';

describe('the directory’s address', () => {
  it('reads filters, text and page, and writes them back the same', () => {
    const params = new URLSearchParams('hostCountry=FR&page=3&region=MA-09&sector=14030&text=Amal+Souss');
    const search = readDirectorySearch(params);
    expect(search).toEqual({
      page: 3,
      hostCountry: 'FR',
      region: 'MA-09',
      sector: '14030',
      text: 'Amal Souss',
    });
    expect(writeDirectorySearch(search).toString()).toBe(params.toString());
  });

  it('leaves out the first page and what is not of the expected shape', () => {
    const search = readDirectorySearch(new URLSearchParams('page=0&region=Souss&hostCountry=fr&sector=12'));
    expect(search).toEqual({ page: 1 });
    expect(writeDirectorySearch(search).toString()).toBe('');
  });

  it('asks the API for a page of 20 sorted by name', () => {
    expect(toDirectoryQuery({ page: 2, region: 'MA-09' })).toEqual({
      page: 2,
      region: 'MA-09',
      pageSize: 20,
      sort: 'name',
      order: 'asc',
    });
  });
});
