/**
 * Runs tasks one at a time per key, in the order they were asked for, within this process. The
 * award, the rejection, the withdrawal and the award process take the application's turn, so the
 * process never releases a commitment an award of this process is completing (see award-process.ts).
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
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
}
