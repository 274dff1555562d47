import { RegistryLog } from './registry-log';
import { AssociationProfileInput } from '../../domain/association/association';
import { SealedPersonalData } from '../../domain/personal-data/sealed-personal-data';

const geo2015 = (code: string) => ({ scheme: 'iso3166-2:2015' as const, code });
const geo1997 = (code: string) => ({ scheme: 'iso3166-2:1997' as const, code });

export const migdev: AssociationProfileInput = {
  names: { ar: 'الهجرة والتنمية', fr: 'Migrations et Développement', en: 'Migration and Development' },
  acronym: 'M&D',
  legalRegistration: { country: 'FR', authority: 'Préfecture des Bouches-du-Rhône', number: 'W133001234' },
  hostCountries: ['FR'],
  hostCities: [{ country: 'FR', name: 'Marseille' }],
  originRegions: [geo2015('MA-09')],
  originProvinces: [geo2015('MA-TAR')],
  sectors: ['14030', '23630'],
  membersCount: 120,
  foundedOn: '1986-05-01',
};

/** Origins in the 1997 scheme: Souss-Massa-Drâa, today split over several regions. */
export const amitie: AssociationProfileInput = {
  names: { ar: 'جمعية الصداقة المغربية البلجيكية', fr: 'Amitié Maroc-Belgique' },
  hostCountries: ['BE', 'NL'],
  originRegions: [geo1997('MA-13')],
  sectors: ['11220'],
  membersCount: 40,
};

export const lyon: AssociationProfileInput = {
  names: { fr: 'Marocains de Lyon', en: 'Moroccans of Lyon' },
  acronym: 'AML',
  hostCountries: ['FR'],
  originProvinces: [geo2015('MA-CAS')],
  sectors: ['12220'],
  membersCount: 15,
};

export const tangier: AssociationProfileInput = {
  names: { ar: 'جمعية طنجة', fr: 'Tanger Solidarité' },
  hostCountries: ['ES'],
  originRegions: [geo2015('MA-01')],
  sectors: ['11220', '31120'],
  membersCount: 300,
};

/** A contact card as the cipher sealed it: these strings must never reach a read model. */
export const sealedCard: SealedPersonalData = {
  subjectId: 'person-1',
  keyId: 'key-person-1-v1',
  ciphertext: 'c2VhbGVkIGNvbnRhY3QgY2FyZA==',
  iv: 'AAECAwQFBgcICQoL',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
};

export { geo1997, geo2015 };

/**
 * Associations in every status, a contact person with sealed data (later erased), a suspected
 * duplicate and a profile change that touches only the acronym.
 */
export function directoryScenario(log: RegistryLog = new RegistryLog()): RegistryLog {
  const reg = (associationId: string, profile: AssociationProfileInput) =>
    log.association('RegisterAssociation', { associationId, profile });
  reg('a1', migdev);
  reg('a2', amitie);
  reg('a3', lyon);
  reg('a4', tangier);
  reg('a5', {
    names: { fr: 'Association Dissoute' },
    hostCountries: ['IT'],
    originRegions: [geo2015('MA-09')],
  });
  reg('a6', { names: { fr: 'Rejetée' }, hostCountries: ['FR'], originRegions: [geo2015('MA-09')] });
  reg('a7', { names: { fr: 'Atlas Suspendu' }, hostCountries: ['DE'], originRegions: [geo2015('MA-09')] });
  log.contactPerson('AddContactPerson', {
    subjectId: 'person-1',
    associationId: 'a1',
    role: 'president',
    personalData: sealedCard,
  });
  log.contactPerson('RecordConsent', {
    subjectId: 'person-1',
    purpose: 'public-directory',
    legalBasis: 'gdpr',
    decision: 'given',
  });
  log.now = '2025-04-01T10:00:00.000Z';
  for (const id of ['a1', 'a4', 'a5', 'a7']) log.association('VerifyAssociation', { associationId: id });
  log.now = '2025-05-01T10:00:00.000Z';
  log.association('VerifyAssociation', { associationId: 'a2' });
  log.association('SuspendAssociation', { associationId: 'a2', reason: 'accounts not filed' });
  log.association('ReinstateAssociation', { associationId: 'a2' });
  log.association('SuspendAssociation', { associationId: 'a7', reason: 'inquiry' });
  log.association('DissolveAssociation', { associationId: 'a5', reason: 'general assembly' });
  log.association('RejectAssociation', { associationId: 'a6', reason: 'not an association abroad' });
  log.association('FlagSuspectedDuplicate', {
    associationId: 'a4',
    otherAssociationId: 'a1',
    reason: 'same board',
  });
  log.association('MergeAssociationInto', { associationId: 'a4', survivorId: 'a1' });
  log.association('ChangeAssociationProfile', { associationId: 'a1', changes: { acronym: 'MigDev' } });
  log.contactPerson('ErasePersonalData', { subjectId: 'person-1' });
  return log;
}
