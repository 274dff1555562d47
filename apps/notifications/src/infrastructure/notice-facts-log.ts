import { NoticeOfOutcome, notificationsPublication } from '@tadamon/contracts';
import { EventStore } from '@tadamon/event-store';
import { RecordedEvent } from '@tadamon/eventsourcing';
import { EventLog } from '@tadamon/messaging';
import { NotificationRequested } from '@tadamon/notifications';

type Reader = Pick<EventStore, 'readAll' | 'readStream'>;

const OUTCOMES = new Set(Object.keys(notificationsPublication.events));
/** Notices remembered between batches (an outcome follows its request within moments). */
const REMEMBERED = 10_000;

const noticeOf = (requested: NotificationRequested['data']): NoticeOfOutcome => ({
  trigger: requested.trigger,
  channel: requested.channel,
  source: {
    context: requested.source.context,
    eventType: requested.source.eventType,
    subjectId: requested.source.subjectId,
  },
  organisationId: requested.recipient.organisationId,
});

/**
 * The log as Notifications' relay reads it: each outcome (delivered, skipped, failed, bounced)
 * comes with its notice's public facts under `notice`, taken from the NotificationRequested at the
 * head of its stream (in the same batch, remembered, or read), so the publication can say what
 * was told to whom without the outcome events repeating it. The stored events are not changed.
 */
export class NoticeFactsLog implements EventLog {
  private readonly notices = new Map<string, NoticeOfOutcome>();

  constructor(private readonly log: Reader) {}

  async readAll(options: {
    after?: number;
    maxCount?: number;
    categories?: string[];
  }): Promise<RecordedEvent[]> {
    const events = await this.log.readAll(options);
    const told: RecordedEvent[] = [];
    for (const event of events) {
      if (event.type === 'NotificationRequested')
        this.remember(event.streamId, event.data as NotificationRequested['data']);
      told.push(
        OUTCOMES.has(event.type)
          ? { ...event, data: { ...(event.data as object), notice: await this.noticeOf(event.streamId) } }
          : event,
      );
    }
    return told;
  }

  private async noticeOf(streamId: string): Promise<NoticeOfOutcome> {
    const known = this.notices.get(streamId);
    if (known) return known;
    const [head] = await this.log.readStream(streamId, { maxCount: 1 });
    if (head?.type !== 'NotificationRequested')
      throw new Error(`${streamId} does not begin with its request`);
    return this.remember(streamId, head.data as NotificationRequested['data']);
  }

  private remember(streamId: string, requested: NotificationRequested['data']): NoticeOfOutcome {
    const notice = noticeOf(requested);
    if (this.notices.size >= REMEMBERED) this.notices.delete(this.notices.keys().next().value as string);
    this.notices.set(streamId, notice);
    return notice;
  }
}
