import { describeOptions, OptionSpec, parseArguments, UsageError } from './command-line';

const options: OptionSpec[] = [
  { name: 'stream', value: 'S', description: 'one stream' },
  { name: 'json', description: 'as JSON' },
];

describe('parseArguments', () => {
  it('reads --name value, --name=value, flags and positionals', () => {
    const parsed = parseArguments(['app-1', '--stream', 'grantApplication-1', '--json'], options);
    expect(parsed.values).toEqual(new Map([['stream', 'grantApplication-1']]));
    expect(parsed.flags).toEqual(new Set(['json']));
    expect(parsed.positionals).toEqual(['app-1']);
    expect(parseArguments(['--stream=a=b'], options).values.get('stream')).toBe('a=b');
  });

  it('takes a value that starts with dashes but is no option (a PEM key)', () => {
    const pem = '-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----';
    expect(parseArguments(['--stream', pem], options).values.get('stream')).toBe(pem);
  });

  it('takes everything after -- as positionals', () => {
    expect(parseArguments(['--', '--json', '-x'], options).positionals).toEqual(['--json', '-x']);
  });

  it.each([
    [['--bogus'], 'unknown option --bogus'],
    [['-j'], 'unknown option -j'],
    [['--stream'], '--stream needs a value (S)'],
    [['--stream', '--json'], '--stream needs a value (S)'],
    [['--stream='], '--stream needs a value (S)'],
    [['--json=yes'], '--json takes no value'],
    [['--json', '--json'], '--json is given twice'],
    [['--stream', 'a', '--stream', 'b'], '--stream is given twice'],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parseArguments(args, options)).toThrow(new UsageError(message));
  });
});

describe('describeOptions', () => {
  it('lines the descriptions up', () => {
    expect(describeOptions(options)).toBe('  --stream S  one stream\n  --json      as JSON');
  });
});
