import { InvalidUpcaster, UnknownSchemaVersion } from './errors';
import { UpcasterRegistry } from './upcasters';

// ApplicationSubmitted: v1 { amount } in dirhams -> v2 { amountCents } -> v3 adds { currency }.
function registry(): UpcasterRegistry {
  return new UpcasterRegistry()
    .register('ApplicationSubmitted', 1, (data: { amount: number }) => ({ amountCents: data.amount * 100 }))
    .register('ApplicationSubmitted', 2, (data: { amountCents: number }) => ({ ...data, currency: 'MAD' }));
}

const stored = (schemaVersion: number, data: unknown) => ({
  id: 'e1',
  type: 'ApplicationSubmitted',
  schemaVersion,
  data,
  revision: 4,
});

describe('UpcasterRegistry', () => {
  it('brings a v1 event through every step to the latest shape, keeping the other fields', () => {
    expect(registry().upcast(stored(1, { amount: 12 }))).toEqual({
      id: 'e1',
      type: 'ApplicationSubmitted',
      schemaVersion: 3,
      data: { amountCents: 1200, currency: 'MAD' },
      revision: 4,
    });
  });

  it('starts the chain at the stored version', () => {
    expect(registry().upcast(stored(2, { amountCents: 5 })).data).toEqual({
      amountCents: 5,
      currency: 'MAD',
    });
  });

  it('returns an event already at the latest version as it is', () => {
    const latest = stored(3, { amountCents: 5, currency: 'EUR' });
    expect(registry().upcast(latest)).toBe(latest);
  });

  it('never rewrites the stored event', () => {
    const old = stored(1, { amount: 1 });
    registry().upcast(old);
    expect(old).toEqual(stored(1, { amount: 1 }));
  });

  it('leaves types without upcasters alone', () => {
    const other = { type: 'ApplicationWithdrawn', schemaVersion: 1, data: { reason: 'x' } };
    expect(registry().upcast(other)).toBe(other);
    expect(registry().latestVersion('ApplicationWithdrawn')).toBe(1);
  });

  it('knows the latest version of each type', () => {
    expect(registry().latestVersion('ApplicationSubmitted')).toBe(3);
  });

  it('hands each step the event at the version it upcasts from', () => {
    const seen: number[] = [];
    new UpcasterRegistry()
      .register('T', 1, (data, event) => (seen.push(event.schemaVersion), data))
      .register('T', 2, (data, event) => (seen.push(event.schemaVersion), data))
      .upcast({ type: 'T', schemaVersion: 1, data: {} });
    expect(seen).toEqual([1, 2]);
  });

  it('rejects an event newer than the latest known version', () => {
    expect(() => registry().upcast(stored(4, {}))).toThrow(UnknownSchemaVersion);
  });

  it.each([0, -1, 1.5])('rejects an event with schema version %p', (version) => {
    expect(() => registry().upcast(stored(version, {}))).toThrow(UnknownSchemaVersion);
  });

  it('rejects a second upcaster for the same type and version', () => {
    expect(() => registry().register('ApplicationSubmitted', 2, (d) => d)).toThrow(
      new InvalidUpcaster('ApplicationSubmitted', 2, 'v2 -> v3 is already registered'),
    );
  });

  it('rejects a registration that leaves a gap in the chain', () => {
    expect(() => registry().register('ApplicationSubmitted', 4, (d) => d)).toThrow(
      new InvalidUpcaster('ApplicationSubmitted', 4, 'leaves a gap: the chain ends at v3'),
    );
    expect(() => new UpcasterRegistry().register('T', 2, (d) => d)).toThrow(InvalidUpcaster);
  });

  it.each([0, 1.5, NaN])('rejects version %p as a starting point', (version) => {
    expect(() => new UpcasterRegistry().register('T', version, (d) => d)).toThrow(InvalidUpcaster);
  });
});
