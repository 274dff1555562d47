import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { answered, plain } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';
import { regionAssociationsQuery } from './RegionPage';

// Souss-Massa's verified associations as the directory lists them (region filter MA-09).
const SOUSS_ASSOCIATIONS = {
  items: [
    { associationId: 'a1', originProvinces: ['MA-TIZ'], originProvinceRegions: ['MA-09'], originRegions: [] },
    { associationId: 'a2', originProvinces: ['MA-TIZ', 'MA-TAR'], originProvinceRegions: ['MA-09'] },
    { associationId: 'a3', originProvinces: [], originProvinceRegions: [], originRegions: ['MA-09'] },
  ],
  total: 3,
  page: 1,
  pageSize: 100,
};

const withSouss = () =>
  answered((client) => client.setQueryData(regionAssociationsQuery('MA-09').queryKey, SOUSS_ASSOCIATIONS));

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => plain(cell.textContent));

describe('a region’s page', () => {
  it('shows a French reader the region’s figures, its associations by province and its needs by sector', async () => {
    renderRoute('/regions/MA-09', ['fr-FR'], withSouss());
    expect(await screen.findByRole('heading', { level: 1, name: 'Souss-Massa' })).toBeTruthy();
    const figure = (label: string) =>
      plain(screen.getByText(label, { selector: 'p' }).nextElementSibling?.textContent);
    expect(figure('Associations vérifiées originaires de la région')).toBe('3');
    expect(figure('Besoins ouverts')).toBe('2');
    expect(figure('Budget estimé des besoins ouverts')).toBe('1.250.000,50 MAD');
    const provinces = within(screen.getByRole('region', { name: "Associations par province d'origine" }));
    expect(provinces.getAllByRole('row').slice(1).map(cells)).toEqual([
      ['Tiznit', '2'],
      ['Taroudant', '1'],
      ['La région, sans province précisée', '1'],
    ]);
    const sectors = within(screen.getByRole('region', { name: 'Besoins ouverts par secteur' }));
    expect(sectors.getAllByRole('row').slice(1).map(cells)).toEqual([
      ["Distribution d'eau potable de base et assainissement de base", '2'],
    ]);
    expect(
      screen
        .getByRole('link', { name: "Les associations de la région dans l'annuaire" })
        .getAttribute('href'),
    ).toBe('/associations?region=MA-09');
  });

  it('shows an Arabic reader the region’s Arabic name and its figures in Arabic-Indic digits', async () => {
    renderRoute('/regions/MA-09', ['ar'], withSouss());
    expect(await screen.findByRole('heading', { level: 1, name: 'سوس ماسة' })).toBeTruthy();
    expect(
      plain(screen.getByText('الميزانية التقديرية للحاجيات المفتوحة').nextElementSibling?.textContent),
    ).toBe('١٬٢٥٠٬٠٠٠٫٥٠ د.م.');
  });

  it('says so when the region does not exist', async () => {
    renderRoute('/regions/MA-99', ['fr-FR'], withSouss());
    expect(await screen.findByRole('heading', { level: 1, name: 'Région inconnue' })).toBeTruthy();
  });
});
