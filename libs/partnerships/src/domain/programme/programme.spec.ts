import { CommandMetadata, DeciderSpecification, foldEvents } from '@tadamon/eventsourcing';
import { AlreadyCreated, InvalidTransition, NotCreated, ValidationFailed } from '../errors';
import {
  CloseProgramme,
  DefineProgramme,
  ProgrammeCommand,
  programmeDecider,
  ProgrammeEvent,
  programmeStreamName,
  ReviseProgramme,
} from './programme';
import { ProgrammeDetails } from './programme-details';
import { repeatsChangeNothing } from '../testing/repeats-change-nothing';

const now = '2025-01-15T09:00:00.000Z';
const by = 'officer-1';
const metadata: CommandMetadata = { commandId: 'cmd-1', actor: { id: by, roles: [] }, now };
const spec = DeciderSpecification.for(programmeDecider);
const programmeId = 'icmd2';
const command = <C extends ProgrammeCommand>(type: C['type'], data: Omit<C['data'], 'programmeId'>): C =>
  ({ type, data: { programmeId, ...data }, metadata }) as C;
const fields = (error: ValidationFailed) => error.issues.map((i) => i.field);

const details: ProgrammeDetails = {
  name: { fr: 'Initiative conjointe ICMD phase 2', en: 'ICMD joint initiative, phase 2' },
  description: { fr: 'Migration et développement local, avec les collectivités territoriales' },
  partnerId: 'iom',
  funderIds: ['eu-delegation', 'sdc'],
  budget: [
    { amountMinor: 500_000_000, currency: 'EUR' },
    { amountMinor: 2_000_000_000, currency: 'MAD' },
  ],
  period: { start: '2025-01-01', end: '2028-12-31' },
};
const define = command<DefineProgramme>('DefineProgramme', {
  ...details,
  funderIds: ['sdc', 'eu-delegation'],
  budget: [...details.budget].reverse(),
});
const defined: ProgrammeEvent = {
  type: 'ProgrammeDefined',
  data: { programmeId, ...details, definedAt: now, by },
};
const revise = (changes: ReviseProgramme['data']['changes']) =>
  command<ReviseProgramme>('ReviseProgramme', { changes });
const close = command<CloseProgramme>('CloseProgramme', { reason: 'Fin de la phase 2' });
const closed: ProgrammeEvent = {
  type: 'ProgrammeClosed',
  data: { programmeId, reason: 'Fin de la phase 2', closedAt: now, by },
};

describe('programme', () => {
  it('lives in streams of the programme category', () => {
    expect(programmeStreamName(programmeId)).toBe('programme-icmd2');
  });

  describe('DefineProgramme', () => {
    it('defines a programme, its funders and budget sorted', () => {
      spec.when(define).then([defined]);
    });
    it('defines a programme without a description', () => {
      const { description: _d, ...bare } = details;
      spec
        .when(command<DefineProgramme>('DefineProgramme', bare))
        .then([
          { type: 'ProgrammeDefined', data: { programmeId, ...bare, description: null, definedAt: now, by } },
        ]);
    });
    it('changes nothing when defined again with the same details', () => {
      spec.given([defined]).when(define).thenNothingHappened();
    });
    it('refuses other details under the same id', () => {
      spec
        .given([defined])
        .when(command<DefineProgramme>('DefineProgramme', { ...details, partnerId: 'eu-delegation' }))
        .thenThrows(AlreadyCreated, (e) => e.id === programmeId);
    });
    it('lists every refused field', () => {
      const error = spec
        .when(
          command<DefineProgramme>('DefineProgramme', {
            name: { fr: ' ' },
            description: { fr: 'ok', de: 'nein' } as unknown as ProgrammeDetails['name'],
            partnerId: '',
            funderIds: [],
            budget: [
              { amountMinor: -5, currency: 'EUR' },
              { amountMinor: 10, currency: 'XXX' as 'EUR' },
            ],
            period: { start: '2025-01-01', end: '2024-12-31' },
          }),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual([
        'name.fr',
        'description.de',
        'partnerId',
        'funderIds',
        'budget[0].amountMinor',
        'budget[1]',
        'period.end',
      ]);
    });
    it('refuses two amounts in one currency', () => {
      const error = spec
        .when(
          command<DefineProgramme>('DefineProgramme', {
            ...details,
            budget: [details.budget[0], details.budget[0]],
          }),
        )
        .thenThrows(ValidationFailed);
      expect(error.issues).toEqual([{ field: 'budget', reason: 'one amount per currency' }]);
    });
    it('refuses a command naming another programme than the stream', () => {
      const error = spec
        .given([defined])
        .when({ ...close, data: { ...close.data, programmeId: 'eu-mobility' } })
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['programmeId']);
    });
  });

  describe('ReviseProgramme', () => {
    const bigger = [
      { amountMinor: 600_000_000, currency: 'EUR' as const },
      { amountMinor: 2_000_000_000, currency: 'MAD' as const },
    ];
    it('revises the details that changed, and only those', () => {
      spec
        .given([defined])
        .when(revise({ budget: bigger, partnerId: 'iom' }))
        .then([
          {
            type: 'ProgrammeRevised',
            data: { programmeId, changes: { budget: bigger }, revisedAt: now, by },
          },
        ]);
      const state = foldEvents(programmeDecider, [
        defined,
        { type: 'ProgrammeRevised', data: { programmeId, changes: { budget: bigger }, revisedAt: now, by } },
      ]);
      expect(state.status === 'active' && state.budget).toEqual(bigger);
    });
    it('changes nothing when nothing changes', () => {
      spec
        .given([defined])
        .when(revise({ period: details.period }))
        .thenNothingHappened();
    });
    it('refuses an unknown detail and a period ending before it starts', () => {
      const error = spec
        .given([defined])
        .when(
          revise({
            period: { start: '2029-01-01', end: '2028-12-31' },
            owner: 'x',
          } as ReviseProgramme['data']['changes']),
        )
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['changes.owner', 'changes.period.end']);
    });
    it('refuses to revise a closed programme', () => {
      spec
        .given([defined, closed])
        .when(revise({ budget: bigger }))
        .thenThrows(InvalidTransition);
    });
    it('refuses to revise a programme never defined', () => {
      spec.when(revise({ budget: bigger })).thenThrows(NotCreated);
    });
  });

  describe('CloseProgramme', () => {
    it('closes a programme', () => {
      spec.given([defined]).when(close).then([closed]);
    });
    it('closes a programme without a reason', () => {
      spec
        .given([defined])
        .when(command<CloseProgramme>('CloseProgramme', {}))
        .then([{ type: 'ProgrammeClosed', data: { programmeId, reason: null, closedAt: now, by } }]);
    });
    it('changes nothing when already closed', () => {
      spec.given([defined, closed]).when(close).thenNothingHappened();
    });
    it('refuses a reason that is not a text', () => {
      const error = spec
        .given([defined])
        .when(command<CloseProgramme>('CloseProgramme', { reason: 7 as unknown as string }))
        .thenThrows(ValidationFailed);
      expect(fields(error)).toEqual(['reason']);
    });
    it('refuses to close a programme never defined', () => {
      spec.when(close).thenThrows(NotCreated);
    });
  });

  it('changes nothing when a successful command is repeated, in any sequence', () => {
    repeatsChangeNothing(programmeDecider, [
      define,
      revise({ budget: [{ amountMinor: 1_000, currency: 'EUR' }] }),
      revise({ period: { start: '2025-01-01', end: '2029-12-31' }, description: null }),
      revise({ funderIds: ['eu-delegation'] }),
      command<CloseProgramme>('CloseProgramme', {}),
      close,
    ]);
  });
});
