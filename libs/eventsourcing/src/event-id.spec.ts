import { EVENT_ID_NAMESPACE, eventIdFor, uuidV5 } from './event-id';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV5', () => {
  it('matches the known vector for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('accepts an upper-case namespace and gives the same id', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE.toUpperCase())).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('hashes names as UTF-8', () => {
    expect(uuidV5('منحة', EVENT_ID_NAMESPACE)).not.toBe(uuidV5('????', EVENT_ID_NAMESPACE));
    expect(uuidV5('منحة', EVENT_ID_NAMESPACE)).toMatch(UUID_V5);
  });

  it('rejects a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('namespace is not a UUID');
  });
});

describe('eventIdFor', () => {
  it('gives the same id for the same command and index, every time', () => {
    expect(eventIdFor('cmd-1', 0)).toBe(eventIdFor('cmd-1', 0));
    expect(eventIdFor('cmd-1', 0)).toBe(uuidV5('cmd-1:0', EVENT_ID_NAMESPACE));
  });

  it('gives distinct version-5 ids per index and per command', () => {
    const ids = ['cmd-1', 'cmd-2'].flatMap((command) => [0, 1, 2].map((i) => eventIdFor(command, i)));
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id).toMatch(UUID_V5);
  });
});
