import fc from 'fast-check';
import { requestFingerprint } from './fingerprint';

const base = { method: 'POST', path: '/api/notes', actorId: 'user-1', body: { title: 'a', tags: ['x'] } };

describe('request fingerprint', () => {
  it('is a SHA-256 hex digest', () => {
    expect(requestFingerprint(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores member order and spacing of the body', () => {
    const reordered = JSON.parse('{ "tags": ["x"],   "title": "a" }');
    expect(requestFingerprint({ ...base, body: reordered })).toBe(requestFingerprint(base));
  });

  it.each([
    ['method', { method: 'PUT' }],
    ['path', { path: '/api/notes/1' }],
    ['actor', { actorId: 'user-2' }],
    ['body', { body: { title: 'b', tags: ['x'] } }],
    ['array order', { body: { title: 'a', tags: ['x', 'x'] } }],
  ])('changes with the %s', (_name, change) => {
    expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
  });

  it('cannot be made to collide by moving text between parts', () => {
    const a = requestFingerprint({ ...base, path: '/api/notes', actorId: 'x' });
    const b = requestFingerprint({ ...base, path: '/api/note', actorId: 'sx' });
    expect(a).not.toBe(b);
  });

  it('is equal exactly when the canonical bodies are equal', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (x, y) => {
        const same = JSON.stringify(sortKeys(x)) === JSON.stringify(sortKeys(y));
        expect(requestFingerprint({ ...base, body: x }) === requestFingerprint({ ...base, body: y })).toBe(
          same,
        );
      }),
    );
  });
});

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  return Object.is(value, -0) ? 0 : value;
}
