import { domainProblems } from '@tadamon/nest-kit';
import { NotificationsError } from '../domain/errors';
import { NOTIFICATIONS_MESSAGES } from './notifications-messages';

/** Notifications' domain errors as RFC 9457 problems, in the caller's language. */
export const notificationsProblems = domainProblems(NotificationsError, NOTIFICATIONS_MESSAGES);
