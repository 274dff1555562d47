import { MingoDocumentStore } from '@tadamon/read-store';
import { ACTOR_DIRECTORY, ASSOCIATION_DIRECTORY } from '@tadamon/registry';
import { registryIatiOrganisations } from './registry-iati-organisations';

describe('registryIatiOrganisations', () => {
  it('names actors by kind and verified associations, and leaves the rest to the Registry id', async () => {
    const docs = new MingoDocumentStore();
    await docs.collection(ACTOR_DIRECTORY).upsert('actor-council', {
      $set: { actorId: 'actor-council', kind: 'elected-council', names: { fr: 'Commune de Tafraout' } },
    });
    await docs.collection(ASSOCIATION_DIRECTORY).upsert('assoc-verified', {
      $set: { associationId: 'assoc-verified', names: { fr: 'Tiwizi', ar: 'تويزة' }, public: true },
    });
    await docs.collection(ASSOCIATION_DIRECTORY).upsert('assoc-submitted', {
      $set: { associationId: 'assoc-submitted', names: { fr: 'Pas encore vérifiée' }, public: false },
    });
    const directory = await registryIatiOrganisations(docs).directory([
      'actor-council',
      'assoc-verified',
      'assoc-submitted',
      'unknown',
    ]);
    expect(directory('actor-council')).toEqual({ type: '11', names: { fr: 'Commune de Tafraout' } });
    expect(directory('assoc-verified')).toEqual({ type: '21', names: { ar: 'تويزة', fr: 'Tiwizi' } });
    expect(directory('assoc-submitted')).toBeUndefined();
    expect(directory('unknown')).toBeUndefined();
  });
});
