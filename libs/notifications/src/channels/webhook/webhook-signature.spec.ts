import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { InvalidWebhookSecret, newWebhookSecret, signWebhook } from './webhook-signature';

const body = JSON.stringify({
  type: 'grant-awarded',
  applicationId: 'application-md-1',
  amount: 'MAD 250000',
});
const webhookId = 'ntf-0123456789abcdef0123456789abcdef01234567';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('Standard Webhooks signatures', () => {
  it('makes secrets of the standard form, each new', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs so that the reference library verifies the delivery with the endpoint’s secret', () => {
    const secret = newWebhookSecret();
    const headers = signWebhook({ webhookId, timestamp: nowSeconds(), body, secrets: [secret] });
    expect(headers['webhook-id']).toBe(webhookId);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs with every secret in force during a rotation: a receiver holding either one verifies', () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const headers = signWebhook({ webhookId, timestamp: nowSeconds(), body, secrets: [current, previous] });
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(current).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(new Webhook(previous).verify(body, { ...headers })).toEqual(JSON.parse(body));
    expect(() => new Webhook(newWebhookSecret()).verify(body, { ...headers })).toThrow(
      WebhookVerificationError,
    );
  });

  it('fails verification for a tampered body, another id, or a timestamp older than the tolerance', () => {
    const secret = newWebhookSecret();
    const receiver = new Webhook(secret);
    const headers = signWebhook({ webhookId, timestamp: nowSeconds(), body, secrets: [secret] });
    expect(() => receiver.verify(body.replace('250000', '950000'), { ...headers })).toThrow(
      WebhookVerificationError,
    );
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': 'ntf-other' })).toThrow(
      WebhookVerificationError,
    );
    const old = signWebhook({ webhookId, timestamp: nowSeconds() - 6 * 60, body, secrets: [secret] });
    expect(() => receiver.verify(body, { ...old })).toThrow(/too old/i);
  });

  it('refuses to sign with no secret or one not in the whsec_ form, without echoing it', () => {
    expect(() => signWebhook({ webhookId, timestamp: 1, body, secrets: [] })).toThrow(InvalidWebhookSecret);
    const error = (() => {
      try {
        signWebhook({ webhookId, timestamp: 1, body, secrets: ['plain-password-1234567890'] });
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidWebhookSecret);
    expect(error?.message).not.toContain('plain-password');
  });
});
