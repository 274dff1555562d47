import { CommandMetadata, DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import {
  DefineModule,
  ModuleCommand,
  moduleDecider,
  ModuleEvent,
  RetireModule,
  ReviseModule,
  trainingModuleStreamName,
} from './module';
import { ModuleDetails } from './module-details';

const now = '2026-01-12T09:00:00.000Z';
const by = 'officer-1';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: by, roles: ['officer'] }, now };
const spec = DeciderSpecification.for(moduleDecider);
const moduleId = 'gp-101';
const command = <C extends ModuleCommand>(type: C['type'], data: Omit<C['data'], 'moduleId'>): C =>
  ({ type, data: { moduleId, ...data }, metadata }) as C;
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);

const details: ModuleDetails = {
  code: 'GP-101',
  title: {
    fr: 'Gestion de projet associatif',
    ar: 'تدبير المشاريع الجمعوية',
    en: 'Managing an association project',
  },
  description: { fr: 'Du cadre logique au rapport final, avec un cas de projet de la diaspora' },
  durationMinutes: 600,
  competences: ['PM-PLAN', { fr: 'Construire un budget de projet' }],
  languages: ['fr', 'ar'],
  theme: 'project-management',
};
const define = command<DefineModule>('DefineModule', details);
const defined: ModuleEvent = { type: 'ModuleDefined', data: { moduleId, ...details, definedAt: now, by } };
const revise = (changes: ReviseModule['data']['changes']) =>
  command<ReviseModule>('ReviseModule', { changes });
const retire = command<RetireModule>('RetireModule', { reason: 'Remplacé par GP-201' });
const retired: ModuleEvent = {
  type: 'ModuleRetired',
  data: { moduleId, reason: 'Remplacé par GP-201', retiredAt: now, by },
};

describe('training module', () => {
  it('lives in streams of the trainingModule category', () => {
    expect(trainingModuleStreamName(moduleId)).toBe('trainingModule-gp-101');
  });

  describe('DefineModule', () => {
    it('defines a module of the catalogue', () => {
      spec.when(define).then([defined]);
    });
    it('changes nothing when defined again with the same details', () => {
      spec.given([defined]).when(define).thenNothingHappened();
    });
    it('refuses other details under the same id', () => {
      spec
        .given([defined])
        .when(command<DefineModule>('DefineModule', { ...details, durationMinutes: 480 }))
        .thenThrows(AlreadyCreated, (e) => e.id === moduleId);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          command<DefineModule>('DefineModule', {
            code: 'gp 101',
            title: { ar: 'عنوان' } as ModuleDetails['title'],
            description: { fr: ' ' },
            durationMinutes: 0,
            competences: ['ok-not-a-code', { en: 'no French' } as ModuleDetails['title']],
            languages: [],
            theme: 'cooking' as ModuleDetails['theme'],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual([
        'code',
        'title.fr',
        'description.fr',
        'durationMinutes',
        'competences[0]',
        'competences[1].fr',
        'languages',
        'theme',
      ]);
    });
    it('refuses a language that is not served and a duration that is not whole minutes', () => {
      const error = spec
        .when(
          command<DefineModule>('DefineModule', {
            ...details,
            durationMinutes: 90.5,
            languages: ['fr', 'es' as 'fr'],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['durationMinutes', 'languages[1]']);
    });
    it('refuses a command naming another module than the stream', () => {
      const error = spec
        .given([defined])
        .when({ ...retire, data: { ...retire.data, moduleId: 'gp-201' } })
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['moduleId']);
    });
  });

  describe('ReviseModule', () => {
    it('revises the details that changed, and only those', () => {
      const revised: ModuleEvent = {
        type: 'ModuleRevised',
        data: { moduleId, changes: { durationMinutes: 720 }, revisedAt: now, by },
      };
      spec
        .given([defined])
        .when(revise({ durationMinutes: 720, theme: 'project-management' }))
        .then([revised]);
      const state = foldEvents(moduleDecider, [defined, revised]);
      expect(state.status === 'active' && state.durationMinutes).toBe(720);
    });
    it('changes nothing when nothing changes', () => {
      spec
        .given([defined])
        .when(revise({ languages: ['fr', 'ar'] }))
        .thenNothingHappened();
    });
    it('refuses an unknown detail and an empty title', () => {
      const error = spec
        .given([defined])
        .when(revise({ title: { fr: '' }, level: 2 } as ReviseModule['data']['changes']))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['changes.level', 'changes.title.fr']);
    });
    it('refuses to revise a retired module', () => {
      spec
        .given([defined, retired])
        .when(revise({ durationMinutes: 720 }))
        .thenThrows(InvalidTransition);
    });
    it('refuses to revise a module that does not exist', () => {
      spec.when(revise({ durationMinutes: 720 })).thenThrows(NotCreated);
    });
  });

  describe('RetireModule', () => {
    it('retires the module with its reason', () => {
      spec.given([defined]).when(retire).then([retired]);
    });
    it('changes nothing when retired again', () => {
      spec.given([defined, retired]).when(retire).thenNothingHappened();
    });
    it('refuses a reason that is not a text', () => {
      const error = spec
        .given([defined])
        .when(command<RetireModule>('RetireModule', { reason: 42 as unknown as string }))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['reason']);
    });
    it('refuses to retire a module that does not exist', () => {
      spec.when(retire).thenThrows(NotCreated);
    });
  });
});
