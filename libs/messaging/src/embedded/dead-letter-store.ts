import { IntegrationEvent } from '@tadamon/contracts';
import Database from 'better-sqlite3';

export interface DeadLetter {
  consumer: string;
  topic: string;
  event: IntegrationEvent;
  errorName: string;
  errorMessage: string;
  attempts: number;
  failedAt: string;
}

/** Where the embedded transport keeps the events its handlers could not take (the DLT's twin). */
export interface DeadLetterStore {
  /** Keeps one dead letter per consumer and event (a replay after a crash adds nothing). */
  add(letter: DeadLetter): Promise<void>;
  list(consumer?: string): Promise<DeadLetter[]>;
}

interface DeadLetterRow {
  consumer: string;
  topic: string;
  event: string;
  error_name: string;
  error_message: string;
  attempts: number;
  failed_at: string;
}

export class SqliteDeadLetterStore implements DeadLetterStore {
  private readonly insert: Database.Statement<
    [string, string, string, number, string, string, string, number, string]
  >;
  private readonly all: Database.Statement<[], DeadLetterRow>;
  private readonly byConsumer: Database.Statement<[string], DeadLetterRow>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS messaging_dead_letters (
      consumer TEXT NOT NULL,
      event_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      global_position INTEGER NOT NULL,
      event TEXT NOT NULL,
      error_name TEXT NOT NULL,
      error_message TEXT NOT NULL,
      attempts INTEGER NOT NULL,
      failed_at TEXT NOT NULL,
      PRIMARY KEY (consumer, event_id)
    )`);
    this.insert = db.prepare(
      `INSERT INTO messaging_dead_letters
         (consumer, event_id, topic, global_position, event, error_name, error_message, attempts, failed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    const columns = 'consumer, topic, event, error_name, error_message, attempts, failed_at';
    this.all = db.prepare(`SELECT ${columns} FROM messaging_dead_letters ORDER BY consumer, global_position`);
    this.byConsumer = db.prepare(
      `SELECT ${columns} FROM messaging_dead_letters WHERE consumer = ? ORDER BY global_position`,
    );
  }

  async add(letter: DeadLetter): Promise<void> {
    this.insert.run(
      letter.consumer,
      letter.event.eventId,
      letter.topic,
      letter.event.globalPosition,
      JSON.stringify(letter.event),
      letter.errorName,
      letter.errorMessage,
      letter.attempts,
      letter.failedAt,
    );
  }

  async list(consumer?: string): Promise<DeadLetter[]> {
    const rows = consumer === undefined ? this.all.all() : this.byConsumer.all(consumer);
    return rows.map((row) => ({
      consumer: row.consumer,
      topic: row.topic,
      event: JSON.parse(row.event) as IntegrationEvent,
      errorName: row.error_name,
      errorMessage: row.error_message,
      attempts: row.attempts,
      failedAt: row.failed_at,
    }));
  }
}
