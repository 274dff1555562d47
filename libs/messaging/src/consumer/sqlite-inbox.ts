import Database from 'better-sqlite3';
import { Inbox } from './inbox';

/**
 * Inbox in a SQLite database; the handler's transaction is the database itself, inside an
 * IMMEDIATE transaction. One connection holds one transaction at a time, so deliveries through this
 * inbox are serialised (an await inside the effect must not let another delivery in).
 */
export class SqliteInbox implements Inbox<Database.Database> {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly exists: Database.Statement<[string, string]>;
  private readonly insert: Database.Statement<[string, string, string]>;
  private readonly begin: Database.Statement<[]>;
  private readonly commit: Database.Statement<[]>;
  private readonly savepoint: Database.Statement<[]>;
  private readonly release: Database.Statement<[]>;
  private readonly rollbackTo: Database.Statement<[]>;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS messaging_inbox (
      consumer TEXT NOT NULL,
      event_id TEXT NOT NULL,
      processed_at TEXT NOT NULL,
      PRIMARY KEY (consumer, event_id)
    )`);
    this.exists = db.prepare('SELECT 1 FROM messaging_inbox WHERE consumer = ? AND event_id = ?');
    this.insert = db.prepare(
      'INSERT INTO messaging_inbox (consumer, event_id, processed_at) VALUES (?, ?, ?)',
    );
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.savepoint = db.prepare('SAVEPOINT inbox_delivery');
    this.release = db.prepare('RELEASE inbox_delivery');
    this.rollbackTo = db.prepare('ROLLBACK TO inbox_delivery');
  }

  /** A delivery on its own: a batch of one. */
  processOnce(
    consumer: string,
    eventId: string,
    effect: (tx: Database.Database) => Promise<void>,
  ): Promise<'processed' | 'duplicate'> {
    return this.batch((inbox) => inbox.processOnce(consumer, eventId, effect));
  }

  /**
   * One IMMEDIATE transaction for all the deliveries `work` makes through the inbox it is given,
   * each in its own savepoint (a failing effect rolls back alone). Queued like processOnce; the
   * given inbox must only be used inside `work`.
   */
  batch<T>(work: (inbox: Inbox<Database.Database>) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.inBatch(work));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Whether the effect of an event is recorded (for tests and operators). */
  has(consumer: string, eventId: string): boolean {
    return this.exists.get(consumer, eventId) !== undefined;
  }

  private async inBatch<T>(work: (inbox: Inbox<Database.Database>) => Promise<T>): Promise<T> {
    this.begin.run();
    try {
      const result = await work({
        processOnce: (consumer, eventId, effect) => this.inSavepoint(consumer, eventId, effect),
      });
      this.commit.run();
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private async inSavepoint(
    consumer: string,
    eventId: string,
    effect: (tx: Database.Database) => Promise<void>,
  ): Promise<'processed' | 'duplicate'> {
    this.savepoint.run();
    try {
      if (this.exists.get(consumer, eventId) !== undefined) {
        this.release.run();
        return 'duplicate';
      }
      await effect(this.db);
      this.insert.run(consumer, eventId, new Date().toISOString());
      this.release.run();
      return 'processed';
    } catch (error) {
      if (this.db.inTransaction) {
        this.rollbackTo.run();
        this.release.run();
      }
      throw error;
    }
  }
}
