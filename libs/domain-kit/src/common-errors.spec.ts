import { commonErrors } from './common-errors';
import { DomainError } from './domain-error';

abstract class SampleError extends DomainError {}
abstract class OtherError extends DomainError {}

describe("a context's common errors", () => {
  const sample = commonErrors(SampleError);
  const registered = commonErrors(OtherError, {
    notCreated: 'NotRegistered',
    alreadyCreated: 'AlreadyRegistered',
  });

  it("derive from the context's own base, and from no other context's", () => {
    const error = new sample.NotCreated('call', 'Publish');
    expect(error).toBeInstanceOf(SampleError);
    expect(error).not.toBeInstanceOf(OtherError);
  });

  it('say how the API answers them: kind, code and the params of the message', () => {
    const transition = new sample.InvalidTransition('call', 'closed', 'Publish');
    expect([transition.kind, transition.code, transition.params()]).toEqual([
      'conflict',
      'INVALID_TRANSITION',
      { status: 'closed' },
    ]);
    expect(new sample.NotCreated('call', 'Publish').kind).toBe('not-found');
    expect(new sample.CurrencyMismatch('MAD', 'EUR').params()).toEqual({ expected: 'MAD' });
    const refused = new sample.ValidationFailed([{ field: 'title', reason: 'must not be empty' }]);
    expect([refused.kind, refused.issues, refused.message]).toEqual([
      'validation',
      [{ field: 'title', reason: 'must not be empty' }],
      'validation failed: title: must not be empty',
    ]);
  });

  it("take the context's words for creation, in their name and their code", () => {
    const missing = new registered.NotCreated('association', 'Verify');
    expect([missing.name, missing.code]).toEqual(['NotRegistered', 'NOT_REGISTERED']);
    const again = new registered.AlreadyCreated('association', 'a-1');
    expect([again.name, again.code, again.message]).toEqual([
      'AlreadyRegistered',
      'ALREADY_REGISTERED',
      'association a-1 already exists with other data',
    ]);
    expect(new sample.AlreadyCreated('call', 'c-1').code).toBe('ALREADY_CREATED');
  });
});
