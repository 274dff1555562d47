import type { RouteObject } from 'react-router';
import { REGISTRY_ROUTES } from './registry/routes';

/**
 * Every area's routes under `/office` (each area's `routes.tsx`: lazy pages wrapped in RequireRole
 * with the roles of its entry in areas.ts). One line per area.
 */
export const OFFICE_ROUTES: RouteObject[] = [...REGISTRY_ROUTES];
