import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fundingFiguresQuery } from '../../api/queries';
import { answered, plain } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';

const figure = (label: string) => plain(screen.getByText(label).nextElementSibling?.textContent ?? null);

/** The rows of the table under a section's title, each as its cells' texts. */
const rows = (title: string) =>
  within(screen.getByRole('region', { name: title }))
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => plain(cell.textContent)),
    );

describe('the portal home', () => {
  it('shows a French reader the programme in figures, money with its cents', async () => {
    renderRoute('/', ['fr-FR'], answered());
    expect(await screen.findByRole('heading', { level: 1, name: 'Le programme en chiffres' })).toBeTruthy();
    // The registry's total, not the regions' sum (4): one association declared no origin.
    expect(figure('Associations vérifiées')).toBe('5');
    expect(figure("Régions d'origine des associations")).toBe('2');
    expect(figure('Besoins régionaux ouverts')).toBe('2');
    expect(figure('Appels à projets ouverts')).toBe('1');
    expect(figure('Subventions accordées')).toBe('2');
    expect(figure('Montant accordé')).toBe('500.000,00 $US');
    expect(figure('Budget estimé des besoins ouverts')).toBe('1.250.000,50 MAD');
    expect(rows("Par pays d'accueil")).toEqual([
      ['France', '3'],
      ['Belgique', '2'],
      ['Espagne', '1'],
    ]);
    expect(rows('Par secteur')).toEqual([
      ["Distribution d'eau potable de base et assainissement de base", '4'],
      ['11220', '1'],
    ]);
    const souss = screen.getByRole('row', { name: /Souss-Massa/ });
    expect(
      within(souss)
        .getAllByRole('cell')
        .map((cell) => plain(cell.textContent)),
    ).toEqual(['Souss-Massa', '3', '2', '1.250.000,50 MAD']);
  });

  it('shows an Arabic reader Arabic names and Arabic-Indic digits', async () => {
    renderRoute('/', ['ar'], answered());
    expect(await screen.findByRole('heading', { level: 1, name: 'البرنامج بالأرقام' })).toBeTruthy();
    expect(figure('جمعيات معتمدة')).toBe('٥');
    expect(figure('منح ممنوحة')).toBe('٢');
    expect(rows('حسب بلد الإقامة')[0]).toEqual(['فرنسا', '٣']);
    const souss = screen.getByRole('row', { name: /سوس ماسة/ });
    expect(
      within(souss)
        .getAllByRole('cell')
        .map((cell) => plain(cell.textContent)),
    ).toEqual(['سوس ماسة', '٣', '٢', '١٬٢٥٠٬٠٠٠٫٥٠ د.م.']);
  });

  it('says when no grant is awarded yet', async () => {
    renderRoute(
      '/',
      ['fr-FR'],
      answered((client) =>
        client.setQueryData(fundingFiguresQuery.queryKey, {
          awards: 0,
          awarded: {},
          openCalls: 0,
          programmes: 0,
        }),
      ),
    );
    await screen.findByRole('heading', { level: 1, name: 'Le programme en chiffres' });
    expect(figure('Subventions accordées')).toBe('0');
    expect(figure('Montant accordé')).toBe('Aucune pour le moment');
  });
});
