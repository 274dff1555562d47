import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { answered } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';
import { loadRegionShapes } from './region-shapes';

const regionsOnMap = async (measure: RegExp) => {
  const links = await screen.findAllByRole('link', { name: measure }, { timeout: 5000 });
  return links.filter((link) => link.tagName.toLowerCase() === 'path');
};

describe('the map of the regions', () => {
  // The TopoJSON (430 KB) is transformed on its first import: once, before the tests' clocks start.
  beforeAll(() => loadRegionShapes(), 30_000);

  it('shows a French reader the 12 regions under our names, each with its figure, and the licence of the map', async () => {
    renderRoute('/map', ['fr-FR'], answered());
    expect(await screen.findByRole('heading', { level: 1, name: 'Carte des régions du Maroc' })).toBeTruthy();
    const regions = await regionsOnMap(/associations vérifiées/);
    expect(regions).toHaveLength(12);
    const labels = regions.map((region) => region.getAttribute('aria-label'));
    expect(labels).toContain('Souss-Massa, associations vérifiées : 3');
    expect(labels).toContain('Guelmim-Oued Noun, associations vérifiées : 0');
    expect(labels).toContain('Dakhla-Oued Ed-Dahab, associations vérifiées : 0');
    expect(labels.join(' ')).not.toMatch(/EH/);
    for (const region of regions) expect(region.getAttribute('tabindex')).toBe('0');
    const fill = (code: string) => regions.find((r) => r.dataset['region'] === code)?.getAttribute('fill');
    expect(fill('MA-09')).not.toBe(fill('MA-10'));
    expect(screen.getByRole('link', { name: 'Open Database License (ODbL) 1.0' }).getAttribute('href')).toBe(
      'https://opendatacommons.org/licenses/odbl/1-0/',
    );
    expect(screen.getByRole('link', { name: 'morocco-map' })).toBeTruthy();
  });

  it('shows an Arabic reader the Arabic names and Arabic-Indic figures', async () => {
    renderRoute('/map', ['ar'], answered());
    const labels = (await regionsOnMap(/الجمعيات المعتمدة/)).map((region) =>
      region.getAttribute('aria-label'),
    );
    expect(labels).toHaveLength(12);
    expect(labels).toContain('سوس ماسة، الجمعيات المعتمدة: ٣');
    expect(labels).toContain('كلميم واد نون، الجمعيات المعتمدة: ٠');
  });

  it('colours by open needs when the reader asks, and keeps the choice in the address', async () => {
    const { router } = renderRoute('/map', ['fr-FR'], answered());
    await regionsOnMap(/associations vérifiées/);
    await userEvent.click(screen.getByLabelText('Besoins ouverts'));
    const labels = (await regionsOnMap(/besoins ouverts/)).map((region) => region.getAttribute('aria-label'));
    expect(labels).toContain('Souss-Massa, besoins ouverts : 2');
    expect(router.state.location.search).toBe('?measure=openNeeds');
  });

  it('opens a region’s page from the keyboard (Enter on the focused region)', async () => {
    const { router } = renderRoute('/map', ['fr-FR'], answered());
    const souss = (await regionsOnMap(/Souss-Massa/))[0];
    souss.focus();
    expect(document.activeElement).toBe(souss);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/regions/MA-09'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Souss-Massa' })).toBeTruthy();
  });
});
