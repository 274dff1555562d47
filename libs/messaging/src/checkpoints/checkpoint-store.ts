/** Durable positions in the global log: where a relay or an embedded consumer resumes. */
export interface CheckpointStore {
  /** The saved position, or undefined when none was saved yet (start of the log). */
  load(name: string): Promise<number | undefined>;
  save(name: string, position: number): Promise<void>;
}

/** For tests and throwaway processes: forgets everything on exit. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();
  async load(name: string) {
    return this.positions.get(name);
  }
  async save(name: string, position: number) {
    this.positions.set(name, position);
  }
}
