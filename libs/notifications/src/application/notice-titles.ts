import type { NoticeFacts } from '../domain/notification/notice-facts';
import type { NotificationsCommands } from './notifications-commands';

/**
 * A record's title as its notice subject gives it: its own, else (a training session, a
 * certificate) the title of the record it is part of (its module).
 */
export const titleOf = async (
  commands: NotificationsCommands,
  subjectId: string,
): Promise<NoticeFacts['title'] | undefined> => {
  const subject = (await commands.load('noticeSubject', subjectId))?.state;
  if (subject?.title) return subject.title;
  if (!subject?.partOf) return undefined;
  return (await commands.load('noticeSubject', subject.partOf))?.state.title ?? undefined;
};
