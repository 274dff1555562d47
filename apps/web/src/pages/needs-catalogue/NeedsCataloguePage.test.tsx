import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { needsCatalogueQuery } from '../../api/queries';
import { answered, plain } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';
import { readNeedsSearch, toNeedsQuery } from './needs-search';

const WELLS = {
  needId: 'need-wells',
  region: 'MA-09',
  sector: '14030',
  title: { ar: 'آبار للماء الصالح للشرب', fr: "Puits d'eau potable", en: 'Drinking-water wells' },
  description: { ar: 'ثلاثة دواوير', fr: 'Trois douars', en: 'Three douars' },
  estimatedBudget: { amountMinor: 125000050, currency: 'MAD' },
  priority: 'high',
  publishedAt: '2026-12-31T23:30:00Z',
};

const withWells = () =>
  answered((client) =>
    client.setQueryData(
      needsCatalogueQuery(toNeedsQuery(readNeedsSearch(new URLSearchParams('region=MA-09')))).queryKey,
      { items: [WELLS], total: 1, page: 1, pageSize: 20 },
    ),
  );

describe('the regional needs catalogue', () => {
  it('shows a French reader a region’s open needs: title, region, sector, budget, day of publication', async () => {
    renderRoute('/needs?region=MA-09', ['fr-FR'], withWells());
    const need = await screen.findByRole('article');
    expect(within(need).getByRole('heading', { name: "Puits d'eau potable" })).toBeTruthy();
    expect(
      within(need).getByText("Souss-Massa · Distribution d'eau potable de base et assainissement de base"),
    ).toBeTruthy();
    expect(within(need).getByText('Priorité haute')).toBeTruthy();
    expect(plain(within(need).getByText('1.250.000,50 MAD').textContent)).toBe('1.250.000,50 MAD');
    expect(within(need).getByText('Publié le 1 janvier 2027')).toBeTruthy();
    expect((screen.getByLabelText('Région') as HTMLSelectElement).value).toBe('MA-09');
  });

  it('shows an Arabic reader the need and the region in Arabic', async () => {
    renderRoute('/needs?region=MA-09', ['ar'], withWells());
    const need = await screen.findByRole('article');
    expect(within(need).getByRole('heading', { name: 'آبار للماء الصالح للشرب' })).toBeTruthy();
    expect(
      within(need).getByText('سوس ماسة · التزويد الأساسي بالماء الصالح للشرب والتطهير الأساسي'),
    ).toBeTruthy();
  });

  it('writes a chosen priority to the address', async () => {
    const { router } = renderRoute('/needs?region=MA-09', ['fr-FR'], withWells());
    await screen.findByRole('article');
    await userEvent.selectOptions(screen.getByLabelText('Priorité'), 'high');
    await waitFor(() => expect(router.state.location.search).toBe('?priority=high&region=MA-09'));
  });
});
