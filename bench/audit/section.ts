import { SectionResult } from '../shared/measure';

/**
 * What each section of bench:audit reports: the shared figures, plus the goal of each figure
 * its issue names and whether it is met (a section knows whether higher or lower is better).
 */
export interface AuditSection extends SectionResult {
  targets: Record<string, number>;
  pass: Record<string, boolean>;
}
