import type { StringBundle } from '../i18n/strings';
import type { Role } from '../session/SessionProvider';
import { REGISTRY_ROLES } from './registry/routes';
import { STRINGS as REGISTRY_STRINGS } from './registry/strings';
import { STRINGS as COMMITTEE_STRINGS } from './committee/strings';
import { STRINGS as EVALUATION_STRINGS } from './evaluation/strings';
import { STRINGS as ASSOCIATION_STRINGS } from './association/strings';
import { STRINGS as PARTNER_STRINGS } from './partner/strings';
import { STRINGS as FUNDING_STRINGS } from './funding/strings';
import { STRINGS as AUDIT_STRINGS } from './audit/strings';
import { PROJECTS_ROLES } from './projects/routes';
import { STRINGS as PROJECTS_STRINGS } from './projects/strings';
import { PARTNERSHIPS_ROLES } from './partnerships/routes';
import { STRINGS as PARTNERSHIPS_STRINGS } from './partnerships/strings';
import { LEARNING_ROLES } from './learning/routes';
import { STRINGS as LEARNING_STRINGS } from './learning/strings';
import { NOTIFICATIONS_ROLES } from './notifications/routes';
import { STRINGS as NOTIFICATIONS_STRINGS } from './notifications/strings';
import { TRAINING_ROLES } from './training/routes';
import { STRINGS as TRAINING_STRINGS } from './training/strings';

/**
 * The back office's workflows: one entry per area, the roles that see it, and its strings (its
 * own bundle with `area.title` and `area.summary`). The workspace's side navigation and its home
 * page list the areas of the signed-in user's roles. A new area: a folder under office/, an entry
 * here, its routes under `/office` in routes.tsx wrapped in RequireRole with the same roles.
 */
export interface OfficeArea {
  to: string;
  roles: readonly Role[];
  strings: StringBundle;
}

export const OFFICE_AREAS: readonly OfficeArea[] = [
  { to: '/office/registry', roles: REGISTRY_ROLES, strings: REGISTRY_STRINGS },
  { to: '/office/evaluation', roles: ['evaluator'], strings: EVALUATION_STRINGS },
  { to: '/office/committee', roles: ['committee'], strings: COMMITTEE_STRINGS },
  { to: '/office/association', roles: ['association'], strings: ASSOCIATION_STRINGS },
  { to: '/office/partner', roles: ['partner'], strings: PARTNER_STRINGS },
  { to: '/office/funding', roles: ['officer'], strings: FUNDING_STRINGS },
  { to: '/office/audit', roles: ['auditor', 'admin'], strings: AUDIT_STRINGS },
  { to: '/office/projects', roles: PROJECTS_ROLES, strings: PROJECTS_STRINGS },
  { to: '/office/partnerships', roles: PARTNERSHIPS_ROLES, strings: PARTNERSHIPS_STRINGS },
  { to: '/office/training', roles: TRAINING_ROLES, strings: TRAINING_STRINGS },
  { to: '/office/learning', roles: LEARNING_ROLES, strings: LEARNING_STRINGS },
  { to: '/office/notifications', roles: NOTIFICATIONS_ROLES, strings: NOTIFICATIONS_STRINGS },
];

export const areasFor = (roles: readonly Role[]): OfficeArea[] =>
  OFFICE_AREAS.filter((area) => area.roles.some((role) => roles.includes(role)));
