import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { LogVerificationRecord } from './log-verification-record';

/** Finished verifications kept (the newest first): enough to compare today's with the last weeks'. */
export const KEPT_VERIFICATIONS = 20;

/**
 * The last finished verifications in one JSON file under DATA_DIR (`audit-verifications.json`),
 * written whole to a temporary file then renamed, so a stop mid-write leaves the previous list.
 * A file that does not read as a list is set aside, not trusted, and the history starts empty.
 */
export class VerificationHistory {
  private records: LogVerificationRecord[];

  constructor(private readonly file: string) {
    this.records = readRecords(file);
  }

  list(): LogVerificationRecord[] {
    return [...this.records];
  }

  get(id: string): LogVerificationRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  keep(record: LogVerificationRecord): void {
    this.records = [record, ...this.records.filter((r) => r.id !== record.id)].slice(0, KEPT_VERIFICATIONS);
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.records, null, 2)}\n`);
    renameSync(temporary, this.file);
  }
}

function readRecords(file: string): LogVerificationRecord[] {
  if (!existsSync(file)) return [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(parsed)) return parsed as LogVerificationRecord[];
  } catch {
    // Unreadable: set aside below.
  }
  renameSync(file, `${file}.unreadable-${Date.now()}`);
  return [];
}
