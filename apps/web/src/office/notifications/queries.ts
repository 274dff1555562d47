import {
  notificationsControllerInbox,
  notificationsControllerOne,
  notificationsControllerProof,
  preferencesControllerRead,
  webhookEndpointsControllerDeliveries,
  webhookEndpointsControllerList,
  type CategoryDto,
  type NotificationsControllerProofData,
  type PreferencesDto,
} from '../../api/generated';
import { numberField } from '../../api/record-fields';

export type Trigger = CategoryDto['category'];
export type Channel = PreferencesDto['channels'][number];
export type Cadence = PreferencesDto['cadence'];
export type ProofQuery = NonNullable<NotificationsControllerProofData['query']>;

/** The API's triggers, in the order the platform's catalogue lists them (typed against the client). */
export const TRIGGERS: readonly Trigger[] = [
  'application-received',
  'application-eligible',
  'application-ineligible',
  'grant-awarded',
  'application-rejected',
  'tranche-released',
  'agreement-signed',
  'agreement-amended',
  'enrolment-confirmed',
  'session-reminder',
  'certificate-issued',
  'call-matching',
  'need-matching',
  'digest',
];
/** The channels a person chooses; webhooks are for an organisation's systems, not for people. */
export const PERSON_CHANNELS: readonly Channel[] = ['email', 'in-app'];
export const CHANNELS: readonly Channel[] = ['email', 'in-app', 'webhook'];
export const CADENCES: readonly Cadence[] = ['immediate', 'daily', 'weekly'];

/** Every query of this area starts with this key: its commands invalidate it (the header's badge too). */
export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const INBOX_KEY = [...NOTIFICATIONS_KEY, 'inbox'] as const;
export const ENDPOINTS_KEY = [...NOTIFICATIONS_KEY, 'webhook-endpoints'] as const;

export const inboxQuery = (page: number) => ({
  queryKey: [...INBOX_KEY, page] as const,
  queryFn: async () => {
    const { data } = await notificationsControllerInbox({
      query: { page, pageSize: 20 },
      throwOnError: true,
    });
    // `unread` is beside the page in the answer; the OpenAPI document types the page only.
    return { ...data, unread: numberField(data as { [key: string]: unknown }, 'unread') ?? 0 };
  },
});

export const preferencesQuery = (recipientId: string) => ({
  queryKey: [...NOTIFICATIONS_KEY, 'preferences', recipientId] as const,
  queryFn: async () => (await preferencesControllerRead({ path: { recipientId }, throwOnError: true })).data,
});

export const endpointsQuery = (page: number) => ({
  queryKey: [...ENDPOINTS_KEY, 'list', page] as const,
  queryFn: async () =>
    (await webhookEndpointsControllerList({ query: { page, pageSize: 20 }, throwOnError: true })).data,
});

export const deliveriesQuery = (endpointId: string, page: number) => ({
  queryKey: [...ENDPOINTS_KEY, endpointId, 'deliveries', page] as const,
  queryFn: async () =>
    (
      await webhookEndpointsControllerDeliveries({
        path: { endpointId },
        query: { page, pageSize: 20 },
        throwOnError: true,
      })
    ).data,
});

export const proofQuery = (query: ProofQuery) => ({
  queryKey: [...NOTIFICATIONS_KEY, 'proof', query] as const,
  queryFn: async () => (await notificationsControllerProof({ query, throwOnError: true })).data,
});

export const notificationLogQuery = (notificationId: string) => ({
  queryKey: [...NOTIFICATIONS_KEY, 'log', notificationId] as const,
  queryFn: async () =>
    (await notificationsControllerOne({ path: { notificationId }, throwOnError: true })).data,
});
