/**
 * Runs the tasks of one key one after another, in the order they arrive; tasks of different keys
 * run concurrently. A task's failure does not hold up the next one. A key is forgotten once its
 * last task settles, so the map holds only the keys with work in flight.
 */
export class KeyedSerialiser {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous ? previous.then(task) : task();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys have a task in flight. */
  get keys(): number {
    return this.tails.size;
  }
}
