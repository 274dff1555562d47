import type { RouteObject } from 'react-router';
import { AUDIT_ROUTES } from './audit/routes';

/**
 * Every area's routes under `/office` (each area's `routes.tsx`: lazy pages wrapped in RequireRole
 * with the roles of its entry in areas.ts). One line per area.
 */
export const OFFICE_ROUTES: RouteObject[] = [...AUDIT_ROUTES];
