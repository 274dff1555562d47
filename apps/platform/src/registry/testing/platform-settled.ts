import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EventStore } from '@tadamon/event-store';
import { EVENT_STORE } from '../../embedded/embedded.module';

interface StatusBody {
  consumers: { lag: Record<string, number> }[];
  logSeals: { sealedUpTo: number } | null;
}

/**
 * Waits until the platform has nothing left to append by itself: every embedded consumer caught
 * up with the log (after a start the policies are still applying the demo's events: Partnerships
 * opens the awards' projects) and the sealer's last seal covering them. A test that compares the
 * log head before and after its own requests must not count those appends.
 */
export async function platformSettled(app: NestFastifyApplication, timeoutMs = 60_000): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE, { strict: false });
  const quiet = async (status: StatusBody): Promise<boolean> => {
    if (!status.consumers.every((consumer) => Object.values(consumer.lag).every((lag) => lag === 0)))
      return false;
    if (status.logSeals === null) return true;
    const unsealed = await store.readAll({ after: status.logSeals.sealedUpTo });
    return unsealed.every((event) => event.type === 'LogSealed');
  };
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    const reply = await app.inject({ method: 'GET', url: '/api/platform/status' });
    last = reply.body;
    if (reply.statusCode === 200 && (await quiet(reply.json<StatusBody>()))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the platform did not settle: ${String(last)}`);
}
