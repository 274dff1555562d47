/** The roles of ARCHITECTURE.md §7; the anonymous public has no role (and no token). */
export const ROLES = [
  'admin',
  'officer',
  'evaluator',
  'committee',
  'auditor',
  'association',
  'partner',
] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

/** Who sends the request, from a verified token. */
export interface Actor {
  id: string;
  roles: Role[];
  /** The association or partner organisation the actor acts for, when any. */
  organisationId?: string;
}
