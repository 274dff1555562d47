import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { associationDirectoryQuery } from '../../api/queries';
import { answered, plain } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';
import { readDirectorySearch, toDirectoryQuery } from './directory-search';

const AMAL = {
  associationId: 'assoc-amal',
  names: { ar: 'جمعية أمل سوس', fr: 'Association Amal Souss', en: 'Amal Souss Association' },
  acronym: 'AAS',
  hostCountries: ['FR', 'BE'],
  originRegions: ['MA-09'],
  originProvinceRegions: ['MA-09'],
  sectors: ['14030'],
  members: 1250,
};

const keyFor = (search: string) =>
  associationDirectoryQuery(toDirectoryQuery(readDirectorySearch(new URLSearchParams(search)))).queryKey;

/** The answer to page 2 of "amal" among associations of Souss-Massa living in France: AMAL, 21st of 21. */
const withAmal = () =>
  answered((client) =>
    client.setQueryData(keyFor('region=MA-09&hostCountry=FR&text=amal&page=2'), {
      items: [AMAL],
      total: 21,
      page: 2,
      pageSize: 20,
    }),
  );

describe('the directory of verified associations', () => {
  it('reads its filters, text and page from the address, and shows a French reader that page', async () => {
    renderRoute('/associations?region=MA-09&hostCountry=FR&text=amal&page=2', ['fr-FR'], withAmal());
    const row = await screen.findByRole('row', { name: /Association Amal Souss/ });
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => plain(cell.textContent)),
    ).toEqual([
      'Association Amal Souss (AAS)',
      'France, Belgique',
      'Souss-Massa',
      "Distribution d'eau potable de base et assainissement de base",
      '1.250',
    ]);
    expect((screen.getByLabelText('Nom ou sigle') as HTMLInputElement).value).toBe('amal');
    expect((screen.getByLabelText("Région d'origine") as HTMLSelectElement).value).toBe('MA-09');
    expect((screen.getByLabelText("Pays d'accueil") as HTMLSelectElement).value).toBe('FR');
    expect(screen.getByText('21–21 sur 21')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Page 2' }).getAttribute('data-active')).toBe('true');
  });

  it('shows an Arabic reader the Arabic names of the association, its region and its countries', async () => {
    renderRoute('/associations?region=MA-09&hostCountry=FR&text=amal&page=2', ['ar'], withAmal());
    const row = await screen.findByRole('row', { name: /جمعية أمل سوس/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((cell) => plain(cell.textContent));
    expect(cells.slice(0, 3)).toEqual(['جمعية أمل سوس (AAS)', 'فرنسا, بلجيكا', 'سوس ماسة']);
    expect(cells[4]).toBe('١٬٢٥٠');
  });

  it('writes a changed filter to the address and starts again at the first page', async () => {
    const { router } = renderRoute(
      '/associations?region=MA-09&hostCountry=FR&text=amal&page=2',
      ['fr-FR'],
      withAmal(),
    );
    await screen.findByRole('row', { name: /Association Amal Souss/ });
    await userEvent.selectOptions(screen.getByLabelText("Pays d'accueil"), 'ES');
    await waitFor(() =>
      expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({
        hostCountry: 'ES',
        region: 'MA-09',
        text: 'amal',
      }),
    );
  });

  it('writes the searched text and the chosen page to the address', async () => {
    const { router } = renderRoute(
      '/associations?region=MA-09&hostCountry=FR&text=amal&page=2',
      ['fr-FR'],
      withAmal(),
    );
    await screen.findByRole('row', { name: /Association Amal Souss/ });
    await userEvent.click(screen.getByRole('button', { name: 'Page 1' }));
    await waitFor(() => expect(router.state.location.search).toBe('?hostCountry=FR&region=MA-09&text=amal'));
    const text = screen.getByLabelText('Nom ou sigle');
    await userEvent.clear(text);
    await userEvent.type(text, 'tiznit{Enter}');
    await waitFor(() =>
      expect(router.state.location.search).toBe('?hostCountry=FR&region=MA-09&text=tiznit'),
    );
  });
});
