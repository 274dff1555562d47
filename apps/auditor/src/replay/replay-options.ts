import { OptionSpec } from '../cli/command-line';
import { STORE_OPTIONS } from '../store/event-store-location';

export const AS_OF_OPTION: OptionSpec = {
  name: 'as-of',
  value: 'ISO-DATE',
  description:
    'the moment to replay: the events recorded at or before it (default: now); a date, or an instant with its zone, to the millisecond',
};

export const REPLAY_OPTIONS: OptionSpec[] = [
  AS_OF_OPTION,
  {
    name: 'with-current-rules',
    description:
      "also recompute with today's scoring rules version, and say what would differ (rank included)",
  },
  ...STORE_OPTIONS,
  { name: 'json', description: 'print the result as JSON on stdout' },
];
