import { MD } from '../../funding/testing/funding-scenario';
import { eventually, Json, PlatformClient } from '../../registry/testing/platform-client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const N = '/api/notifications';

/**
 * The one-click unsubscribe URL of an email in the platform's outbox (`DATA_DIR/outbox`), as the
 * recipient's mail client reads it from the List-Unsubscribe header.
 */
export const unsubscribeUrlOf = (client: PlatformClient, notificationId: string): string => {
  const eml = readFileSync(join(client.dataDir, 'outbox', `${notificationId}.eml`), 'utf8');
  const header = /^List-Unsubscribe: <([^>]+)>/im.exec(eml.replace(/\r?\n[ \t]+/g, ' '));
  if (!header) throw new Error(`${notificationId}.eml has no List-Unsubscribe header`);
  return new URL(header[1]).pathname + new URL(header[1]).search;
};

/** An email notification the demo's award of M&D delivered (its proof of notice). */
export const deliveredEmailOf = async (client: PlatformClient, organisationId = MD): Promise<Json> =>
  (
    await eventually(
      () => client.get('officer', `${N}/proof?organisationId=${organisationId}&channel=email&pageSize=100`),
      (reply) => reply.body.items?.some((n: Json) => n.status === 'delivered'),
      `a delivered email of ${organisationId}`,
      15_000,
    )
  ).body.items.find((n: Json) => n.status === 'delivered');

/** Demo values for the Notifications routes: a delivered email (with its link's token), an endpoint. */
export async function seedNotificationExamples(
  client: PlatformClient,
  parameters: Record<string, string>,
  queries: Record<string, string>,
): Promise<void> {
  const email = await deliveredEmailOf(client);
  parameters.notificationId = email.notificationId;
  queries['/api/notifications/unsubscribe/{notificationId}'] = new URL(
    unsubscribeUrlOf(client, email.notificationId),
    'http://x',
  ).search;
  const endpoint = await client.post('partner', `${N}/webhook-endpoints`, {
    url: 'https://partner.example.org/tadamon/webhooks',
    description: 'Système de suivi des subventions',
    triggers: ['agreement-signed', 'agreement-amended'],
  });
  if (endpoint.status !== 201)
    throw new Error(`webhook endpoint: ${endpoint.status} ${JSON.stringify(endpoint.body)}`);
  parameters.endpointId = endpoint.body.endpointId;
}
