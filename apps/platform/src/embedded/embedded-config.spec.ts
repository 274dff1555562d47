import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadEmbeddedConfig } from './embedded-config';

describe('the embedded platform’s notification settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes emails to DATA_DIR/outbox, links to localhost, and keeps webhooks off private networks by default', () => {
    const config = loadEmbeddedConfig({}, dir);
    expect(config).toMatchObject({
      smtpUrl: null,
      outboxDir: join(dir, 'outbox'),
      publicUrl: 'http://localhost:3000',
      mailDomain: 'tadamon.local',
      webhookAllowPrivate: false,
    });
  });

  it('sends by SMTP_URL, and takes the public URL, mail domain and private webhooks from the environment', () => {
    const config = loadEmbeddedConfig(
      {
        SMTP_URL: 'smtps://user:secret@mail.example.org:465',
        TADAMON_PUBLIC_URL: 'https://tadamon.example.org',
        TADAMON_MAIL_DOMAIN: 'Tadamon.Example.org',
        TADAMON_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
      dir,
    );
    expect(config).toMatchObject({
      smtpUrl: 'smtps://user:secret@mail.example.org:465',
      publicUrl: 'https://tadamon.example.org/',
      mailDomain: 'tadamon.example.org',
      webhookAllowPrivate: true,
    });
  });

  it.each([
    ['SMTP_URL', 'http://mail.example.org'],
    ['TADAMON_PUBLIC_URL', 'ftp://x'],
    ['TADAMON_MAIL_DOMAIN', 'not a domain'],
    ['TADAMON_WEBHOOK_ALLOW_PRIVATE', 'perhaps'],
  ])('refuses %s=%s with the variable named', (variable, value) => {
    expect(() => loadEmbeddedConfig({ [variable]: value }, dir)).toThrow(ConfigurationError);
    expect(() => loadEmbeddedConfig({ [variable]: value }, dir)).toThrow(variable);
  });
});

describe('the embedded platform’s check-in secret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates one in DATA_DIR/check-in-secret and keeps it across starts', () => {
    const first = loadEmbeddedConfig({}, dir).checkInSecret;
    expect(Buffer.from(first, 'base64')).toHaveLength(32);
    expect(loadEmbeddedConfig({}, dir).checkInSecret).toBe(first);
  });

  it('takes TADAMON_CHECK_IN_SECRET, and refuses one that is not 32 bytes in base64', () => {
    const given = Buffer.alloc(32, 7).toString('base64');
    expect(loadEmbeddedConfig({ TADAMON_CHECK_IN_SECRET: given }, dir).checkInSecret).toBe(given);
    expect(() => loadEmbeddedConfig({ TADAMON_CHECK_IN_SECRET: 'short' }, dir)).toThrow(ConfigurationError);
    expect(() => loadEmbeddedConfig({ TADAMON_CHECK_IN_SECRET: 'short' }, dir)).toThrow(
      /TADAMON_CHECK_IN_SECRET/,
    );
  });
});

describe('the embedded platform’s credential issuer key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tadamon-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates an Ed25519 key in DATA_DIR/credential-issuer-key.pem and keeps it across starts', () => {
    const first = loadEmbeddedConfig({}, dir).credentialIssuerKeyPem;
    expect(createPrivateKey(first).asymmetricKeyType).toBe('ed25519');
    expect(loadEmbeddedConfig({}, dir).credentialIssuerKeyPem).toBe(first);
  });

  it('takes TADAMON_CREDENTIAL_ISSUER_KEY as a PEM or a private JWK, the same key either way', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const jwk = JSON.stringify(privateKey.export({ format: 'jwk' }));
    expect(loadEmbeddedConfig({ TADAMON_CREDENTIAL_ISSUER_KEY: pem }, dir).credentialIssuerKeyPem).toBe(pem);
    expect(loadEmbeddedConfig({ TADAMON_CREDENTIAL_ISSUER_KEY: jwk }, dir).credentialIssuerKeyPem).toBe(pem);
  });

  it('passes over owed certificates every TADAMON_CERTIFICATE_PASS_SECONDS (default 60, 0: at start only)', () => {
    expect(loadEmbeddedConfig({}, dir).certificatePassSeconds).toBe(60);
    expect(loadEmbeddedConfig({ TADAMON_CERTIFICATE_PASS_SECONDS: '0' }, dir).certificatePassSeconds).toBe(0);
    for (const value of ['-1', '1.5', 'often', '86401'])
      expect(() => loadEmbeddedConfig({ TADAMON_CERTIFICATE_PASS_SECONDS: value }, dir)).toThrow(
        /TADAMON_CERTIFICATE_PASS_SECONDS/,
      );
  });

  it('refuses a key that is not Ed25519, or not a key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    }) as string;
    for (const value of [rsa, 'not a key', '{"kty":"OKP"}'])
      expect(() => loadEmbeddedConfig({ TADAMON_CREDENTIAL_ISSUER_KEY: value }, dir)).toThrow(
        /TADAMON_CREDENTIAL_ISSUER_KEY/,
      );
  });
});
