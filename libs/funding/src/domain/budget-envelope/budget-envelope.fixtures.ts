import { AwardTerms } from './budget-envelope';

/** The award terms a commitment carries in tests: one decision per command id. */
export const awardTerms = (commandId: string, overrides: Partial<AwardTerms> = {}): AwardTerms => ({
  commandId,
  conditions: ['Rapport semestriel.'],
  rationale: 'Classée dans le budget.',
  committeeMembers: ['user-committee'],
  decidedAt: '2025-03-01T10:00:00.000Z',
  by: 'user-committee',
  ranking: { rank: 1, fundedSet: true },
  derogation: null,
  ...overrides,
});
