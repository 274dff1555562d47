import { CommandMetadata, DeciderSpecification } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import {
  DefinePath,
  PathCommand,
  pathDecider,
  PathEvent,
  RetirePath,
  RevisePath,
  trainingPathStreamName,
} from './path';
import { PathDetails } from './path-details';

const now = '2026-01-12T09:00:00.000Z';
const by = 'officer-1';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: by, roles: ['officer'] }, now };
const spec = DeciderSpecification.for(pathDecider);
const pathId = 'porteur-de-projet';
const command = <C extends PathCommand>(type: C['type'], data: Omit<C['data'], 'pathId'>): C =>
  ({ type, data: { pathId, ...data }, metadata }) as C;
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);

const details: PathDetails = {
  title: { fr: 'Porteur de projet de co-développement', en: 'Co-development project lead' },
  moduleIds: ['gov-101', 'gp-101', 'fin-101'],
};
const define = command<DefinePath>('DefinePath', details);
const defined: PathEvent = { type: 'PathDefined', data: { pathId, ...details, definedAt: now, by } };
const revise = (changes: RevisePath['data']['changes']) => command<RevisePath>('RevisePath', { changes });
const retire = command<RetirePath>('RetirePath', {});
const retired: PathEvent = { type: 'PathRetired', data: { pathId, reason: null, retiredAt: now, by } };

describe('training path', () => {
  it('lives in streams of the trainingPath category', () => {
    expect(trainingPathStreamName(pathId)).toBe('trainingPath-porteur-de-projet');
  });

  describe('DefinePath', () => {
    it('defines a path keeping the order of its modules', () => {
      spec.when(define).then([defined]);
    });
    it('changes nothing when defined again with the same details', () => {
      spec.given([defined]).when(define).thenNothingHappened();
    });
    it('refuses the same modules in another order under the same id', () => {
      spec
        .given([defined])
        .when(command<DefinePath>('DefinePath', { ...details, moduleIds: ['gp-101', 'gov-101', 'fin-101'] }))
        .thenThrows(AlreadyCreated);
    });
    it('refuses a path of one module, and a title without French', () => {
      const error = spec
        .when(
          command<DefinePath>('DefinePath', {
            title: { en: 'Lead' } as PathDetails['title'],
            moduleIds: ['gp-101'],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['title.fr', 'moduleIds']);
    });
    it('refuses a module listed twice', () => {
      const error = spec
        .when(command<DefinePath>('DefinePath', { ...details, moduleIds: ['gp-101', 'gov-101', 'gp-101'] }))
        .thenThrows(ValidationFailed);
      expect(error.issues).toEqual([{ field: 'moduleIds', reason: 'must not list a module twice' }]);
    });
  });

  describe('RevisePath', () => {
    it('revises the order of the modules', () => {
      const moduleIds = ['gp-101', 'gov-101', 'fin-101'];
      spec
        .given([defined])
        .when(revise({ moduleIds }))
        .then([{ type: 'PathRevised', data: { pathId, changes: { moduleIds }, revisedAt: now, by } }]);
    });
    it('changes nothing when nothing changes', () => {
      spec
        .given([defined])
        .when(revise({ title: details.title }))
        .thenNothingHappened();
    });
    it('refuses an unknown detail', () => {
      const error = spec
        .given([defined])
        .when(revise({ level: 'advanced' } as RevisePath['data']['changes']))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['changes.level']);
    });
    it('refuses to revise a retired path', () => {
      spec
        .given([defined, retired])
        .when(revise({ moduleIds: ['gp-101', 'gov-101'] }))
        .thenThrows(InvalidTransition);
    });
    it('refuses to revise a path that does not exist', () => {
      spec.when(revise({ moduleIds: ['gp-101', 'gov-101'] })).thenThrows(NotCreated);
    });
  });

  describe('RetirePath', () => {
    it('retires the path', () => {
      spec.given([defined]).when(retire).then([retired]);
    });
    it('changes nothing when retired again', () => {
      spec.given([defined, retired]).when(retire).thenNothingHappened();
    });
    it('refuses to retire a path that does not exist', () => {
      spec.when(retire).thenThrows(NotCreated);
    });
  });
});
