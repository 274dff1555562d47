import { QueryClient } from '@tanstack/react-query';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RegionAggregateDto } from '../../api/generated';
import { openCallsCountQuery, regionFiguresQuery } from '../../api/queries';
import { renderRoute } from '../../test/render-app';

// Two regions as GET /api/registry/map/regions answers them (the generated type checks the shape).
const REGIONS: RegionAggregateDto[] = [
  {
    region: 'MA-09',
    names: { ar: 'سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' },
    associations: 3,
    openNeeds: 2,
    openNeedsBySector: { '14030': 2 },
    openBudget: { MAD: '125000050' },
  },
  {
    region: 'MA-08',
    names: { ar: 'درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' },
    associations: 1,
    openNeeds: 0,
    openNeedsBySector: {},
    openBudget: {},
  },
];

function answered(): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(regionFiguresQuery.queryKey, REGIONS);
  client.setQueryData(openCallsCountQuery.queryKey, 1);
  return client;
}

const plain = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f\u200e\u200f\u061c]/g, ' ').trim();

const figure = (label: string) => plain(screen.getByText(label).nextElementSibling?.textContent ?? null);

describe('the portal home', () => {
  it('shows a French reader the programme in figures, money in dirhams with its centimes', async () => {
    renderRoute('/', ['fr-FR'], answered());
    expect(await screen.findByRole('heading', { level: 1, name: 'Le programme en chiffres' })).toBeTruthy();
    expect(figure('Associations vérifiées')).toBe('4');
    expect(figure("Régions d'origine des associations")).toBe('2');
    expect(figure('Besoins régionaux ouverts')).toBe('2');
    expect(figure('Appels à projets ouverts')).toBe('1');
    expect(figure('Budget estimé des besoins ouverts')).toBe('1.250.000,50 MAD');
    const souss = screen.getByRole('row', { name: /Souss-Massa/ });
    expect(
      within(souss)
        .getAllByRole('cell')
        .map((cell) => plain(cell.textContent)),
    ).toEqual(['Souss-Massa', '3', '2', '1.250.000,50 MAD']);
  });

  it('shows an Arabic reader the regions’ Arabic names and Arabic-Indic digits', async () => {
    renderRoute('/', ['ar'], answered());
    expect(await screen.findByRole('heading', { level: 1, name: 'البرنامج بالأرقام' })).toBeTruthy();
    expect(figure('جمعيات معتمدة')).toBe('٤');
    const souss = screen.getByRole('row', { name: /سوس ماسة/ });
    expect(
      within(souss)
        .getAllByRole('cell')
        .map((cell) => plain(cell.textContent)),
    ).toEqual(['سوس ماسة', '٣', '٢', '١٬٢٥٠٬٠٠٠٫٥٠ د.م.']);
  });
});
