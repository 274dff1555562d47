import type { Role } from '@tadamon/nest-kit';
import { REGISTRY_DEMO_IDS } from '@tadamon/registry';
import { ConfigurationError } from '../embedded/embedded-config';

/** The association *Migrations et Développement* (M&D) of the demo data (shared/DOMAIN.md). */
export const DEMO_ASSOCIATION_ID = REGISTRY_DEMO_IDS.associations.migrationsEtDeveloppement;
/** The Regional Investment Centre of Souss-Massa (CRI Souss-Massa), a partner of the demo data. */
export const DEMO_PARTNER_ID = 'actor-cri-souss-massa';

/** Shared by every seeded demo user unless TADAMON_DEMO_PASSWORD says otherwise. */
export const DEFAULT_DEMO_PASSWORD = 'tadamon-demo';
export const DEMO_PASSWORD_VARIABLE = 'TADAMON_DEMO_PASSWORD';
const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 200;

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  organisationId: string | null;
  /** The Registry demo's contact person the account belongs to (trainees). */
  personId: string | null;
}

/**
 * One user per role (two officers, for four eyes; three evaluators, for the funding committee; two
 * trainees of two associations, so one cannot reach the other's training), seeded on the first
 * start only.
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { id: 'user-admin', username: 'admin', displayName: 'Platform administrator', roles: ['admin'] },
  { id: 'user-officer', username: 'officer', displayName: 'Ministry officer', roles: ['officer'] },
  // A second officer: the four-eyes rules (an indicator update is approved by another hand) need two.
  { id: 'user-officer2', username: 'officer2', displayName: 'Ministry officer 2', roles: ['officer'] },
  { id: 'user-evaluator1', username: 'evaluator1', displayName: 'Evaluator 1', roles: ['evaluator'] },
  { id: 'user-evaluator2', username: 'evaluator2', displayName: 'Evaluator 2', roles: ['evaluator'] },
  { id: 'user-evaluator3', username: 'evaluator3', displayName: 'Evaluator 3', roles: ['evaluator'] },
  { id: 'user-committee', username: 'committee', displayName: 'Selection committee', roles: ['committee'] },
  { id: 'user-auditor', username: 'auditor', displayName: 'Auditor', roles: ['auditor'] },
  {
    id: 'user-association',
    username: 'association',
    displayName: 'Migrations et Développement',
    roles: ['association'],
    organisationId: DEMO_ASSOCIATION_ID,
  },
  {
    id: 'user-partner',
    username: 'partner',
    displayName: 'CRI Souss-Massa',
    roles: ['partner'],
    organisationId: DEMO_PARTNER_ID,
  },
  { id: 'user-trainer', username: 'trainer', displayName: 'Trainer', roles: ['trainer'] },
  {
    // M&D's contact person in the Registry demo is its president, who follows the training.
    id: 'user-trainee',
    username: 'trainee',
    displayName: 'Trainee (Migrations et Développement)',
    roles: ['trainee'],
    organisationId: DEMO_ASSOCIATION_ID,
    personId: REGISTRY_DEMO_IDS.contacts.migrationsEtDeveloppement,
  },
  {
    id: 'user-trainee2',
    username: 'trainee2',
    displayName: 'Trainee (Coopératives agricoles de Figuig)',
    roles: ['trainee'],
    organisationId: REGISTRY_DEMO_IDS.associations.cooperativesFiguig,
    personId: REGISTRY_DEMO_IDS.contacts.cooperativesFiguig,
  },
].map((user) => ({ organisationId: null, personId: null, ...user }) as DemoUser);

/** TADAMON_DEMO_PASSWORD (8 to 200 characters), else the documented default. Never logged. */
export function loadDemoPassword(env: NodeJS.ProcessEnv = process.env): string {
  const value = env[DEMO_PASSWORD_VARIABLE];
  if (value === undefined) return DEFAULT_DEMO_PASSWORD;
  if (value.length < MIN_PASSWORD_LENGTH || value.length > MAX_PASSWORD_LENGTH)
    throw new ConfigurationError(
      DEMO_PASSWORD_VARIABLE,
      `needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`,
    );
  return value;
}

/** The compact block main.ts prints at start: where the docs are and who can log in. */
export function demoUsersNotice(baseUrl: string): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.username.length));
  return [
    `  API docs: ${baseUrl}/api/docs`,
    `  Demo users, seeded on the first start with the password "${DEFAULT_DEMO_PASSWORD}"` +
      ` (or ${DEMO_PASSWORD_VARIABLE} if it was set then):`,
    ...DEMO_USERS.map(
      (u) =>
        `    ${u.username.padEnd(width)}  ${u.roles.join(', ')}` +
        (u.organisationId ? ` (${[u.organisationId, u.personId].filter(Boolean).join(', ')})` : ''),
    ),
    `  Token: POST ${baseUrl}/api/auth/token {"username":"officer","password":"..."}`,
  ].join('\n');
}
