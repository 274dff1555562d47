import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KeyStore, SubjectErased } from '@tadamon/personal-data';
import { APP_START_TIMEOUT_MS, APP_STOP_TIMEOUT_MS } from '@tadamon/testing';
import { KeyStoreWebhookSecrets } from '../key-store-webhook-secrets';
import { WebhookSecretNotFound } from '../webhook-secrets';

function bytesUnder(folder: string): Buffer {
  return Buffer.concat(
    readdirSync(folder).map((name) => {
      const file = join(folder, name);
      return statSync(file).isDirectory() ? bytesUnder(file) : readFileSync(file);
    }),
  );
}

/**
 * What webhook secrets on a key store must do. With `folder` (a store kept in files), every byte
 * of its files is read: the secret is never there in clear, and its wrapped form goes on destroy.
 */
export function webhookSecretsContract(
  name: string,
  open: () => Promise<KeyStore>,
  cleanup?: () => Promise<void>,
  folder?: string,
): void {
  describe(`webhook secrets on ${name}`, () => {
    let keys: KeyStore | undefined;
    let secrets: KeyStoreWebhookSecrets;
    const master = randomBytes(32).toString('base64');

    beforeAll(async () => {
      keys = await open();
      secrets = new KeyStoreWebhookSecrets(keys, master);
    }, APP_START_TIMEOUT_MS);
    afterAll(async () => {
      await keys?.close();
      await cleanup?.();
    }, APP_STOP_TIMEOUT_MS);

    it('makes a whsec_ secret of 32 bytes, reveals the same, and a second create returns it', async () => {
      const id = `whs-${randomUUID()}`;
      const secret = await secrets.create(id);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(await secrets.reveal(id)).toBe(secret);
      expect(await secrets.create(id)).toBe(secret);
      expect(await secrets.create(`whs-${randomUUID()}`)).not.toBe(secret);
    });

    it('agrees on one secret when two creations of the same id race', async () => {
      const id = `whs-${randomUUID()}`;
      const [a, b] = await Promise.all([secrets.create(id), secrets.create(id)]);
      expect(a).toBe(b);
    });

    it('keeps the secret wrapped: not in clear in the store, and unreadable under another master key', async () => {
      const id = `whs-${randomUUID()}`;
      const secret = await secrets.create(id);
      const raw = Buffer.from(secret.slice(6), 'base64');
      const row = JSON.stringify(await keys?.current(`webhook-secret:${id}`));
      expect(row).not.toContain(secret.slice(6));
      expect(row).not.toContain(raw.toString('hex'));
      if (folder) {
        const files = bytesUnder(folder);
        expect(files.includes(Buffer.from(secret.slice(6)))).toBe(false);
        expect(files.includes(raw)).toBe(false);
      }
      const other = new KeyStoreWebhookSecrets(keys as KeyStore, randomBytes(32).toString('base64'));
      await expect(other.reveal(id)).rejects.toThrow();
    });

    it('destroys a secret for good: not revealed, not made again under its id, its wrapped form gone', async () => {
      const id = `whs-${randomUUID()}`;
      await secrets.create(id);
      const wrapped = (await keys?.current(`webhook-secret:${id}`))?.wrapped ?? '';
      const { ciphertext } = JSON.parse(wrapped) as { ciphertext: string };
      await secrets.destroy(id);
      await secrets.destroy(id);
      await expect(secrets.reveal(id)).rejects.toThrow(WebhookSecretNotFound);
      await expect(secrets.create(id)).rejects.toThrow(SubjectErased);
      await expect(secrets.reveal(`whs-${randomUUID()}`)).rejects.toThrow(WebhookSecretNotFound);
      if (folder) expect(bytesUnder(folder).includes(Buffer.from(ciphertext))).toBe(false);
    });
  });
}
