import { MingoDocumentStore } from '@tadamon/read-store';
import { associationDirectoryProjection } from './association-directory';
import { associationFigures } from './association-figures';
import { directoryScenario, geo2015 } from './testing/fixtures';
import { projectLog, RegistryLog } from './testing/registry-log';

const figuresOf = async (log: RegistryLog) => {
  const docs = new MingoDocumentStore();
  await projectLog(log, associationDirectoryProjection, docs);
  return associationFigures(docs);
};

describe('association figures for the portal', () => {
  it('are zero on an empty directory', async () => {
    expect(await associationFigures(new MingoDocumentStore())).toEqual({
      associations: 0,
      byHostCountry: {},
      bySector: {},
      byOriginRegion: {},
    });
  });

  it('count verified associations only, once per country, sector and region of origin', async () => {
    // Public: a1 (FR; region MA-09 and a province of MA-09) and a2 (BE, NL; 1997 Souss-Massa-Drâa,
    // today MA-08, MA-09 and MA-10). Dissolved, rejected, suspended, merged and submitted ones do not count.
    expect(await figuresOf(directoryScenario())).toEqual({
      associations: 2,
      byHostCountry: { FR: 1, BE: 1, NL: 1 },
      bySector: { '14030': 1, '23630': 1, '11220': 1 },
      byOriginRegion: { 'MA-09': 2, 'MA-08': 1, 'MA-10': 1 },
    });
  });

  it('count an association without origin or sector in the total all the same', async () => {
    const log = directoryScenario();
    log.association('RegisterAssociation', {
      associationId: 'a8',
      profile: { names: { fr: 'Sans origine' }, hostCountries: ['FR', 'DE'] },
    });
    log.association('VerifyAssociation', { associationId: 'a8' });
    const figures = await figuresOf(log);
    expect(figures.associations).toBe(3);
    expect(figures.byHostCountry).toEqual({ FR: 2, BE: 1, NL: 1, DE: 1 });
    expect(figures.byOriginRegion).toEqual({ 'MA-09': 2, 'MA-08': 1, 'MA-10': 1 });
  });

  it('follow a profile change of a verified association', async () => {
    const log = directoryScenario();
    log.association('ChangeAssociationProfile', {
      associationId: 'a1',
      changes: {
        hostCountries: ['IT'],
        hostCities: [{ country: 'IT', name: 'Torino' }],
        originRegions: [geo2015('MA-01')],
        originProvinces: [],
      },
    });
    const figures = await figuresOf(log);
    expect(figures.byHostCountry).toEqual({ IT: 1, BE: 1, NL: 1 });
    expect(figures.byOriginRegion).toEqual({ 'MA-01': 1, 'MA-08': 1, 'MA-09': 1, 'MA-10': 1 });
  });
});
