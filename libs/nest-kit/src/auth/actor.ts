/**
 * The roles of ARCHITECTURE.md §7; the anonymous public has no role (and no token). Training's
 * two: a `trainer` runs sessions (marks attendance, closes them); a `trainee` is an association's
 * manager following training, who acts only for themselves (their `personId`).
 */
export const ROLES = [
  'admin',
  'officer',
  'evaluator',
  'committee',
  'auditor',
  'association',
  'partner',
  'trainer',
  'trainee',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/**
 * True when every role of an account is `trainee`: it acts only for its person (`personId`), never
 * for the organisation it belongs to, whose news and settings stay with the organisation's accounts.
 */
export const actsOnlyForItsPerson = (roles: readonly Role[]): boolean =>
  roles.length > 0 && roles.every((role) => role === 'trainee');

/** Who sends the request, from a verified token. */
export interface Actor {
  id: string;
  roles: Role[];
  /** The association or partner organisation the actor acts for, when any. */
  organisationId?: string;
  /**
   * The Registry contact person (subject id) the account belongs to, when any: a trainee's
   * self check-in, feedback, enrolments and certificates are theirs only.
   */
  personId?: string;
}
