export interface ConfigurationProblem {
  variable: string;
  reason: string;
}

/** Every bad variable found at start, so an operator fixes them all in one go. */
export class ConfigurationError extends Error {
  constructor(readonly problems: ConfigurationProblem[]) {
    super(
      `configuration: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  ${p.variable} ${p.reason}`).join('\n'),
    );
    this.name = 'ConfigurationError';
  }
}
