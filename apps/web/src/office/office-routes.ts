import type { RouteObject } from 'react-router';
import { REGISTRY_ROUTES } from './registry/routes';
import { COMMITTEE_ROUTES } from './committee/routes';
import { EVALUATION_ROUTES } from './evaluation/routes';
import { ASSOCIATION_ROUTES } from './association/routes';
import { PARTNER_ROUTES } from './partner/routes';
import { FUNDING_ROUTES } from './funding/routes';
import { AUDIT_ROUTES } from './audit/routes';
import { PROJECTS_ROUTES } from './projects/routes';
import { PARTNERSHIPS_ROUTES } from './partnerships/routes';
import { LEARNING_ROUTES } from './learning/routes';
import { NOTIFICATIONS_ROUTES } from './notifications/routes';
import { TRAINING_ROUTES } from './training/routes';

/**
 * Every area's routes under `/office` (each area's `routes.tsx`: lazy pages wrapped in RequireRole
 * with the roles of its entry in areas.ts). One line per area.
 */
export const OFFICE_ROUTES: RouteObject[] = [
  ...REGISTRY_ROUTES,
  ...EVALUATION_ROUTES,
  ...COMMITTEE_ROUTES,
  ...ASSOCIATION_ROUTES,
  ...PARTNER_ROUTES,
  ...FUNDING_ROUTES,
  ...AUDIT_ROUTES,
  ...PROJECTS_ROUTES,
  ...PARTNERSHIPS_ROUTES,
  ...LEARNING_ROUTES,
  ...NOTIFICATIONS_ROUTES,
  ...TRAINING_ROUTES,
];
