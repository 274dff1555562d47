import { foldEvents } from '@tadamon/eventsourcing';
import { projectDecider } from './project';
import { ProjectDetails } from './project-details';
import { ProjectEvent } from './project-events';
import { OpenedProject } from './project-state';
import {
  budgetBySector,
  projectRegions,
  projectTotals,
  sectorShares,
  totalsByCurrency,
} from './project-totals';
import { details, eur, mad, now, officer, opened, openedFromAward, projectId } from './project.fixtures';

const projectAfter = (events: ProjectEvent[]): OpenedProject =>
  foldEvents(projectDecider, events) as OpenedProject;
const money = (amountMinor: string, currency: string) => ({ amountMinor, currency });

describe('project figures', () => {
  it('sums budget, co-financing, disbursements and expenditure per currency, in currency order', () => {
    const project = projectAfter([
      opened,
      {
        type: 'ProjectDisbursementRecorded',
        data: {
          projectId,
          trancheId: 't1',
          amount: mad(80_000_00),
          on: '2025-06-01',
          source: 'manual',
          recordedAt: now,
          by: officer,
        },
      },
      {
        type: 'ExpenditureRecorded',
        data: {
          projectId,
          expenditureId: 'e1',
          amount: eur(1_500_00),
          on: '2025-06-01',
          description: 'étude',
          recordedAt: now,
          by: officer,
        },
      },
    ]);
    expect(projectTotals(project)).toEqual([
      {
        currency: 'EUR',
        budget: money('1000000', 'EUR'),
        granted: money('0', 'EUR'),
        cofinancing: money('200000', 'EUR'),
        disbursed: money('0', 'EUR'),
        spent: money('150000', 'EUR'),
      },
      {
        currency: 'MAD',
        budget: money('25000000', 'MAD'),
        granted: money('0', 'MAD'),
        cofinancing: money('15000000', 'MAD'),
        disbursed: money('8000000', 'MAD'),
        spent: money('0', 'MAD'),
      },
    ]);
  });
  it("counts an award's grant", () => {
    expect(projectTotals(projectAfter([openedFromAward]))).toEqual([
      {
        currency: 'MAD',
        budget: money('0', 'MAD'),
        granted: money('30000000', 'MAD'),
        cofinancing: money('0', 'MAD'),
        disbursed: money('0', 'MAD'),
        spent: money('0', 'MAD'),
      },
    ]);
  });
  it('adds exactly past 2^53 minor units', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(totalsByCurrency([mad(max), mad(max), eur(1)])).toEqual([
      money('1', 'EUR'),
      money('18014398509481982', 'MAD'),
    ]);
  });
  it("gives sector shares as IATI's percentages", () => {
    expect(
      sectorShares([
        { code: '14030', percentageHundredths: 6650 },
        { code: '11330', percentageHundredths: 3333 },
        { code: '12220', percentageHundredths: 17 },
        { code: '11220', percentageHundredths: 10000 },
      ]),
    ).toEqual([
      { code: '14030', percentage: '66.5' },
      { code: '11330', percentage: '33.33' },
      { code: '12220', percentage: '0.17' },
      { code: '11220', percentage: '100' },
    ]);
  });
  it('splits each currency of the budget across sectors to the last unit', () => {
    const thirds: ProjectDetails = {
      ...details,
      sectors: [
        { code: '14030', percentageHundredths: 3333 },
        { code: '11330', percentageHundredths: 3334 },
        { code: '12220', percentageHundredths: 3333 },
      ],
      budgetLines: [
        { ...details.budgetLines[0], amount: mad(100) },
        { ...details.budgetLines[2], amount: eur(1) },
      ],
    };
    expect(budgetBySector(thirds)).toEqual([
      { code: '14030', amount: money('0', 'EUR') },
      { code: '11330', amount: money('1', 'EUR') },
      { code: '12220', amount: money('0', 'EUR') },
      { code: '14030', amount: money('33', 'MAD') },
      { code: '11330', amount: money('34', 'MAD') },
      { code: '12220', amount: money('33', 'MAD') },
    ]);
  });
  it('names the distinct 2015 regions of the locations', () => {
    expect(
      projectRegions({
        locations: [
          ...details.locations,
          { area: { scheme: 'iso3166-2:2015', code: 'MA-02' }, region: 'MA-02', commune: null, point: null },
          { area: { scheme: 'iso3166-2:2015', code: 'MA-AGD' }, region: 'MA-09', commune: null, point: null },
        ],
      }),
    ).toEqual(['MA-02', 'MA-09']);
  });
});
