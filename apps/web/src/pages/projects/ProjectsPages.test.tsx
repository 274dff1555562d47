import { QueryClient } from '@tanstack/react-query';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { answered, plain } from '../../test/portal-answers';
import { renderRoute } from '../../test/render-app';
import { loadProjectsMapBase } from './map-base';
import {
  organisationQuery,
  programmePageQuery,
  projectFiguresQuery,
  projectsMapQuery,
  publicProjectQuery,
  publicProjectsQuery,
} from './queries';

const TITLE = {
  fr: 'Eau potable et électrification des douars de la province de Taroudant',
  ar: 'الماء الصالح للشرب وكهربة دواوير إقليم تارودانت',
  en: 'Drinking water and electrification of the villages of Taroudant province',
};
/** The pages are lazy chunks: their first import takes seconds on a busy machine. */
const LAZY = { timeout: 15_000 };
const mad = (major: number) => ({ amountMinor: major * 100, currency: 'MAD' });
const PROJECT = {
  projectId: 'project-taroudant',
  carrierId: 'assoc-md',
  status: '2',
  title: TITLE,
  description: { fr: 'Raccordement de douars.', ar: 'ربط دواوير.', en: 'Connecting villages.' },
  participants: [
    { partyId: 'actor-ministry', role: '1' },
    { partyId: 'assoc-md', role: '4' },
  ],
  agreementId: 'agreement-souss-massa',
  programmeId: 'programme-eu',
  replicationOf: null,
  locations: [
    {
      area: { scheme: 'MA-2015', code: 'MA-TAR' },
      region: 'MA-09',
      commune: 'Aït Iaaza',
      point: { lat: 30.5, lon: -8.8 },
    },
  ],
  sectorPercentages: [
    { code: '14030', percentage: '60' },
    { code: '23630', percentage: '40' },
  ],
  budgetLines: [
    { lineId: 'water', label: { fr: 'Adduction d’eau', en: 'Water supply works' }, amount: mad(1_800_000) },
    {
      lineId: 'grid',
      label: { fr: 'Raccordement électrique', en: 'Grid connection' },
      amount: mad(1_350_000),
    },
  ],
  cofinancing: [{ partyId: 'actor-ministry', amount: mad(1_500_000) }],
  totals: [
    {
      currency: 'MAD',
      budget: { amountMinor: '315000000', currency: 'MAD' },
      granted: { amountMinor: '0', currency: 'MAD' },
      cofinancing: { amountMinor: '150000000', currency: 'MAD' },
    },
  ],
  milestones: [
    {
      milestoneId: 'studies',
      title: { fr: 'Études techniques' },
      due: '2015-09-30',
      reachedOn: '2015-09-18',
    },
    { milestoneId: 'grid-on', title: { fr: 'Mise sous tension' }, due: '2017-12-31', reachedOn: null },
  ],
  statusHistory: [{ from: '1', to: '2', at: '2015-03-02T10:00:00Z' }],
  disbursements: [
    { trancheId: 't1', amount: mad(500_000), on: '2015-04-01', source: 'manual', at: '2015-04-01T10:00:00Z' },
  ],
  replicas: [
    {
      replicaProjectId: 'project-figuig',
      region: { scheme: 'MA-2015', code: 'MA-02' },
      originalRegions: ['MA-09'],
    },
  ],
  plannedStart: '2015-03-01',
  plannedEnd: '2018-06-30',
  regionCodes: ['MA-09'],
};
const PROGRAMME = {
  programmeId: 'programme-eu',
  status: 'active',
  name: {
    fr: 'Partenariat pour la mobilité UE–Maroc',
    ar: 'شراكة التنقل',
    en: 'EU–Morocco mobility partnership',
  },
  description: null,
  partnerId: 'actor-eu',
  funderIds: ['actor-eu'],
  budget: [{ amountMinor: 500000000, currency: 'EUR' }],
  period: { start: '2014-01-01', end: '2016-12-31' },
  projects: [{ projectId: 'project-taroudant', title: TITLE, status: '2', regionCodes: ['MA-09'] }],
  envelopes: [],
};
const ORGANISATIONS: Record<string, unknown> = {
  'assoc-md': {
    associationId: 'assoc-md',
    status: 'verified',
    profile: {
      names: { fr: 'Migrations et Développement', ar: 'الهجرة والتنمية', en: 'Migrations and Development' },
      acronym: 'M&D',
    },
  },
  'actor-ministry': { names: { fr: 'Ministère', ar: 'الوزارة', en: 'Ministry' } },
  'actor-eu': { names: { fr: 'Union européenne', ar: 'الاتحاد الأوروبي', en: 'European Union' } },
};
const GEOJSON = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-8.8, 30.5] },
      properties: {
        projectId: 'project-taroudant',
        title: TITLE,
        status: '2',
        regionCode: 'MA-09',
        areaCode: 'MA-TAR',
        commune: 'Aït Iaaza',
      },
    },
    {
      type: 'Feature',
      geometry: null,
      properties: {
        projectId: 'project-oasis',
        title: { fr: 'Oasis' },
        status: '1',
        regionCode: 'MA-08',
        areaCode: 'MA-08',
        commune: null,
      },
    },
  ],
};

function client(): QueryClient {
  return answered((c) => {
    c.setQueryData(publicProjectQuery(PROJECT.projectId).queryKey, PROJECT);
    c.setQueryData(programmePageQuery(PROGRAMME.programmeId).queryKey, PROGRAMME);
    for (const [id, record] of Object.entries(ORGANISATIONS))
      c.setQueryData(organisationQuery(id).queryKey, record);
    c.setQueryData(organisationQuery('actor-agence').queryKey, null);
    for (const filters of [{}, { region: 'MA-09' }]) {
      c.setQueryData(projectsMapQuery(filters).queryKey, GEOJSON);
      c.setQueryData(publicProjectsQuery(filters, 1).queryKey, {
        items: [PROJECT],
        total: 1,
        page: 1,
        pageSize: 20,
      });
    }
    c.setQueryData(projectFiguresQuery.queryKey, {
      projects: 1,
      byStatus: { '2': 1 },
      budget: { MAD: '315000000' },
      regions: [
        {
          region: 'MA-08',
          names: { fr: 'Drâa-Tafilalet', ar: 'درعة تافيلالت', en: 'Drâa-Tafilalet' },
          projects: 0,
          byStatus: {},
          budget: {},
          bySector: {},
        },
        {
          region: 'MA-09',
          names: { fr: 'Souss-Massa', ar: 'سوس ماسة', en: 'Souss-Massa' },
          projects: 1,
          byStatus: { '2': 1 },
          budget: { MAD: '315000000' },
          bySector: {},
        },
      ],
    });
  });
}

describe('the public map of the co-development projects', { timeout: 30_000 }, () => {
  beforeAll(() => loadProjectsMapBase(), 30_000);

  it('shows a French reader the regions with their counts, a point linked to each located project, the list and the figures', async () => {
    const { router } = renderRoute('/projects', ['fr-FR'], client());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Projets de co-développement' }, LAZY),
    ).toBeTruthy();
    const map = await screen.findByRole(
      'group',
      { name: 'Carte des projets publiés par région' },
      { timeout: 5000 },
    );
    const souss = within(map).getByRole('button', { name: 'Souss-Massa : 1 projet(s)' });
    expect(
      within(map).getByRole('button', { name: 'Drâa-Tafilalet : 1 projet(s)' }).getAttribute('fill'),
    ).toBe(souss.getAttribute('fill'));
    expect(within(map).getAllByRole('button')).toHaveLength(12);
    const point = within(map).getByRole('link', { name: `${TITLE.fr} (Aït Iaaza)` });
    expect(point.getAttribute('href')).toBe('/projects/project-taroudant');

    const list = screen.getByRole('region', { name: 'Liste des projets' });
    const row = within(list).getAllByRole('row')[1];
    expect(row && [...row.children].map((cell) => plain(cell.textContent))).toEqual([
      TITLE.fr,
      'Migrations et Développement (M&D)',
      'Souss-Massa',
      'En cours',
      '3.150.000,00 MAD',
    ]);
    const figures = screen.getByRole('region', { name: 'Les projets en chiffres par région' });
    expect(
      within(figures)
        .getAllByRole('row')
        .map((r) => plain(r.textContent)),
    ).toEqual(['RégionProjetsPar statutBudget total', 'Souss-Massa1En cours : 13.150.000,00 MAD']);
    expect(
      screen.getByRole('link', { name: 'Données ouvertes au format IATI (XML)' }).getAttribute('href'),
    ).toBe('/api/partnerships/iati/activities.xml');

    await userEvent.click(souss);
    await waitFor(() => expect(router.state.location.search).toBe('?region=MA-09'));
    expect((screen.getByLabelText('Région') as HTMLSelectElement).value).toBe('MA-09');
  });

  it('shows an Arabic reader the project’s page: sectors and their shares, budget, partners, milestones, replication', async () => {
    renderRoute('/projects/project-taroudant', ['ar'], client());
    expect(await screen.findByRole('heading', { level: 1, name: TITLE.ar }, LAZY)).toBeTruthy();
    expect(screen.getByText('حامل المشروع: الهجرة والتنمية (M&D)')).toBeTruthy();
    const sectors = screen.getByRole('region', { name: 'القطاعات' });
    expect(
      within(sectors)
        .getAllByRole('row')
        .slice(1)
        .map((r) => plain(r.lastElementChild?.textContent)),
    ).toEqual(['٦٠٪', '٤٠٪']);
    const budget = screen.getByRole('region', { name: 'الميزانية والتمويل المشترك' });
    expect(plain(within(budget).getByText(/الميزانية الإجمالية:/).textContent)).toBe(
      'الميزانية الإجمالية: ٣٬١٥٠٬٠٠٠٫٠٠ د.م.',
    );
    expect(
      within(budget)
        .getAllByRole('row')
        .map((r) => plain(r.textContent)),
    ).toEqual([
      'البندالمبلغ',
      // A line without an Arabic label reads in French.
      'Adduction d’eau ١٬٨٠٠٬٠٠٠٫٠٠ د.م.',
      'Raccordement électrique ١٬٣٥٠٬٠٠٠٫٠٠ د.م.',
      'الشريكالمبلغ',
      'الوزارة ١٬٥٠٠٬٠٠٠٫٠٠ د.م.',
    ]);
    const participants = screen.getByRole('region', { name: 'المشاركون' });
    expect(
      within(participants)
        .getAllByRole('row')
        .slice(1)
        .map((r) => plain(r.textContent)),
    ).toEqual(['الوزارةممول', 'الهجرة والتنمية (M&D)منفذ']);
    const milestones = screen.getByRole('region', { name: 'المراحل' });
    expect(within(milestones).getByText('لم تُنجز بعد')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'البرنامج: شراكة التنقل' }).getAttribute('href')).toBe(
      '/programmes/programme-eu',
    );
    expect(screen.getByText('اتفاقية الشراكة: agreement-souss-massa')).toBeTruthy();
    expect(
      within(screen.getByRole('region', { name: 'التكرار' })).getByText('تكرار في جهة الشرق'),
    ).toBeTruthy();
  });

  it('shows a French reader a programme’s page with its partner, budget, period and published projects', async () => {
    renderRoute('/programmes/programme-eu', ['fr-FR'], client());
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Partenariat pour la mobilité UE–Maroc' }, LAZY),
    ).toBeTruthy();
    expect(screen.getByText('Partenaire : Union européenne')).toBeTruthy();
    expect(plain(screen.getByText(/^Budget :/).textContent)).toBe('Budget : 5.000.000,00 €');
    expect(screen.getByText('Période : du 1 janvier 2014 au 31 décembre 2016')).toBeTruthy();
    const projects = screen.getByRole('region', { name: 'Projets publiés du programme' });
    expect(within(projects).getByRole('link', { name: TITLE.fr }).getAttribute('href')).toBe(
      '/projects/project-taroudant',
    );
  });
});
