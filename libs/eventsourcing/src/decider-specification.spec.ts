import fc from 'fast-check';
import { Command, Decider, DomainEvent } from './decider';
import { DeciderSpecification, DeciderSpecificationFailure } from './decider-specification';

// A tiny test-only decider: an application that is submitted once and can be withdrawn.
type TestCommand =
  Command<'Submit', { applicationId: string; amount: number }> | Command<'Withdraw', { reason: string }>;
type TestEvent =
  | DomainEvent<'ApplicationSubmitted', { applicationId: string; amount: number; submittedAt: string }>
  | DomainEvent<'ApplicationWithdrawn', { reason: string }>;
type TestState = { status: 'draft' | 'submitted' | 'withdrawn'; amount: number };

class InvalidTransition extends Error {
  constructor(
    readonly from: string,
    readonly command: string,
  ) {
    super(`cannot ${command} an application that is ${from}`);
    this.name = 'InvalidTransition';
  }
}

const application: Decider<TestCommand, TestEvent, TestState> = {
  initialState: () => ({ status: 'draft', amount: 0 }),
  decide(command, state) {
    switch (command.type) {
      case 'Submit':
        if (state.status === 'submitted') return [];
        if (state.status !== 'draft') throw new InvalidTransition(state.status, command.type);
        if (command.data.amount <= 0) throw new RangeError('the amount must be positive');
        return [
          {
            type: 'ApplicationSubmitted',
            data: { ...command.data, submittedAt: command.metadata.now },
          },
        ];
      case 'Withdraw':
        if (state.status === 'withdrawn') return [];
        if (state.status !== 'submitted') throw new InvalidTransition(state.status, command.type);
        return [{ type: 'ApplicationWithdrawn', data: command.data, schemaVersion: 2 }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'ApplicationSubmitted':
        return { status: 'submitted', amount: event.data.amount };
      case 'ApplicationWithdrawn':
        return { ...state, status: 'withdrawn' };
    }
  },
};

const metadata = {
  commandId: 'c1',
  actor: { id: 'u1', roles: ['applicant'] },
  now: '2025-03-01T10:00:00.000Z',
};
const submit: TestCommand = { type: 'Submit', data: { applicationId: 'a1', amount: 500 }, metadata };
const withdraw: TestCommand = { type: 'Withdraw', data: { reason: 'duplicate' }, metadata };
const submitted: TestEvent = {
  type: 'ApplicationSubmitted',
  data: { applicationId: 'a1', amount: 500, submittedAt: metadata.now },
};
const withdrawn: TestEvent = {
  type: 'ApplicationWithdrawn',
  data: { reason: 'duplicate' },
  schemaVersion: 2,
};

const given = DeciderSpecification.for(application);

function failureOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeciderSpecificationFailure);
    return (error as Error).message;
  }
  throw new Error('the specification passed, but it should have failed');
}

describe('DeciderSpecification', () => {
  describe('on a passing decider', () => {
    it('submits a draft, with the time from the command metadata', () => {
      given.given([]).when(submit).then([submitted]);
    });

    it('needs no given for a new stream', () => {
      given.when(submit).then([submitted]);
    });

    it('treats a missing schemaVersion as version 1 on either side', () => {
      given.when(submit).then([{ ...submitted, schemaVersion: 1 }]);
    });

    it('ignores a repeated submission', () => {
      given.given([submitted]).when(submit).thenNothingHappened();
    });

    it('rejects withdrawing a draft, by class', () => {
      given.when(withdraw).thenThrows(InvalidTransition);
    });

    it('rejects withdrawing a draft, by class and check, and returns the error', () => {
      const error = given
        .when(withdraw)
        .thenThrows(InvalidTransition, (e) => e.from === 'draft' && e.command === 'Withdraw');
      expect(error.message).toBe('cannot Withdraw an application that is draft');
    });

    it('rejects a non-positive amount, by predicate', () => {
      given
        .when({ ...submit, data: { applicationId: 'a1', amount: 0 } })
        .thenThrows((e) => e instanceof RangeError && /positive/.test(e.message));
    });

    it('accepts any error with no argument', () => {
      given.given([submitted, withdrawn]).when(submit).thenThrows();
    });

    it('withdraws a submitted application', () => {
      given.given([submitted]).when(withdraw).then([withdrawn]);
    });
  });

  describe('reports a mismatch', () => {
    it('names the field that differs, with both values', () => {
      const message = failureOf(() =>
        given.when(submit).then([{ ...submitted, data: { ...submitted.data, amount: 600 } } as TestEvent]),
      );
      expect(message).toContain('when Submit: the events differ');
      expect(message).toContain('$[0].data.amount: expected 600, received 500');
    });

    it('names a missing and an unexpected event', () => {
      expect(failureOf(() => given.when(submit).then([]))).toContain(
        '$[0]: unexpected {"type":"ApplicationSubmitted"',
      );
      expect(failureOf(() => given.when(submit).then([submitted, submitted]))).toContain(
        '$[1]: expected {"type":"ApplicationSubmitted"',
      );
    });

    it('names a schema version that differs', () => {
      expect(
        failureOf(() =>
          given
            .given([submitted])
            .when(withdraw)
            .then([{ ...withdrawn, schemaVersion: 1 }]),
        ),
      ).toContain('$[0].schemaVersion: expected 1, received 2');
    });

    it('reports events when nothing should have happened', () => {
      expect(failureOf(() => given.when(submit).thenNothingHappened())).toContain(
        'expected no event, received',
      );
    });

    it('reports an error thrown where events were expected', () => {
      expect(failureOf(() => given.when(withdraw).then([withdrawn]))).toContain(
        'expected events, but decide threw InvalidTransition: cannot Withdraw',
      );
      expect(failureOf(() => given.when(withdraw).thenNothingHappened())).toContain(
        'decide threw InvalidTransition',
      );
    });

    it('reports events where an error was expected', () => {
      expect(failureOf(() => given.when(submit).thenThrows(InvalidTransition))).toContain(
        'expected an error, but decide returned',
      );
    });

    it('reports an error of the wrong class', () => {
      expect(
        failureOf(() =>
          given.when({ ...submit, data: { applicationId: 'a', amount: -1 } }).thenThrows(InvalidTransition),
        ),
      ).toContain('expected InvalidTransition, but decide threw RangeError');
    });

    it('reports an error the check rejects, or the check that throws', () => {
      expect(
        failureOf(() => given.when(withdraw).thenThrows(InvalidTransition, (e) => e.from === 'submitted')),
      ).toContain('the error check rejected InvalidTransition');
      expect(
        failureOf(() =>
          given.when(withdraw).thenThrows(() => {
            throw new Error('not this one');
          }),
        ),
      ).toContain('the error check threw Error: not this one on InvalidTransition: cannot Withdraw');
    });

    it('reports produced data that could not be stored', () => {
      const leaky: Decider<TestCommand, DomainEvent, null> = {
        initialState: () => null,
        decide: () => [{ type: 'Leaked', data: { at: new Date(0) } }],
        evolve: (state) => state,
      };
      expect(failureOf(() => DeciderSpecification.for(leaky).when(submit).then([]))).toContain(
        'event [0] Leaked has data that is not JSON',
      );
    });

    it('reports produced events that evolve cannot apply', () => {
      const halfDone: Decider<TestCommand, TestEvent, TestState> = {
        ...application,
        evolve: (state, event) => {
          if (event.type === 'ApplicationWithdrawn') throw new Error('not handled');
          return application.evolve(state, event);
        },
      };
      expect(
        failureOf(() =>
          DeciderSpecification.for(halfDone).given([submitted]).when(withdraw).then([withdrawn]),
        ),
      ).toContain('evolve threw Error: not handled');
    });
  });

  it('is idempotent: any command repeated after itself changes nothing more', () => {
    const command = fc.oneof(
      fc
        .record({ applicationId: fc.string(), amount: fc.integer({ min: 1, max: 1_000_000 }) })
        .map((data): TestCommand => ({ type: 'Submit', data, metadata })),
      fc.string().map((reason): TestCommand => ({ type: 'Withdraw', data: { reason }, metadata })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 6 }), command, (history, repeated) => {
        let state = application.initialState();
        for (const earlier of history) {
          try {
            state = application.decide(earlier, state).reduce(application.evolve, state);
          } catch {
            // A rejected command leaves the state as it was.
          }
        }
        let once: TestEvent[];
        try {
          once = application.decide(repeated, state);
        } catch {
          return; // rejected commands are covered by thenThrows cases
        }
        const after = once.reduce(application.evolve, state);
        expect(application.decide(repeated, after)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
