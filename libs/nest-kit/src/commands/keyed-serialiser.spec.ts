import { KeyedSerialiser } from './keyed-serialiser';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedSerialiser', () => {
  it('runs the tasks of one key one after another, in arrival order', async () => {
    const serialiser = new KeyedSerialiser();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => serialiser.run('stream-1', task(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs tasks of different keys concurrently', async () => {
    const serialiser = new KeyedSerialiser();
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
    };
    await Promise.all([serialiser.run('a', task), serialiser.run('b', task), serialiser.run('c', task)]);
    expect(most).toBe(3);
  });

  it('goes on after a failed task, and gives each caller its own outcome', async () => {
    const serialiser = new KeyedSerialiser();
    const failed = serialiser.run('k', async () => {
      throw new Error('refused');
    });
    const next = serialiser.run('k', async () => 'done');
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe('done');
  });

  it('forgets a key once its last task has settled', async () => {
    const serialiser = new KeyedSerialiser();
    const work = Promise.all([
      serialiser.run('a', async () => tick()),
      serialiser.run('a', async () => tick()),
      serialiser.run('b', async () => tick()),
    ]);
    expect(serialiser.keys).toBe(2);
    await work;
    await tick();
    expect(serialiser.keys).toBe(0);
  });
});
