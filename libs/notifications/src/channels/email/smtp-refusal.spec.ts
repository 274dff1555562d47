import { DeliveryRefused } from '../channel-ports';
import { smtpPoolOptions } from './smtp-email-transport';
import { refusalOfSmtpError } from './smtp-refusal';

// The errors as nodemailer 10 raises them (smtp-connection's _formatError).
const smtpError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.message ?? 'failed')), fields);

describe('refusalOfSmtpError', () => {
  it.each([
    ['RCPT TO', '550 5.1.1 No such user', 550, true],
    ['DATA', '554 5.7.1 Message rejected as spam', 554, true],
    ['RCPT TO', '451 4.7.1 Greylisted, try again', 451, false],
    ['DATA', '421 4.4.2 Timeout, closing', 421, false],
    // our own settings, not the recipient: an operator fixes them and the message goes out
    ['AUTH PLAIN', '535 5.7.8 Authentication failed', 535, false],
    ['MAIL FROM', '553 5.7.1 Sender not allowed', 553, false],
  ])('a %s reply "%s" is permanent: %s', (command, response, responseCode, permanent) => {
    const refusal = refusalOfSmtpError(smtpError({ code: 'EENVELOPE', command, response, responseCode }));
    expect(refusal).toBeInstanceOf(DeliveryRefused);
    expect(refusal.refusal).toEqual({ permanent });
    expect(refusal.message).toBe(`SMTP server refused ${command}: ${response}`);
  });

  it.each([
    [
      {
        code: 'ESOCKET',
        originalCode: 'ECONNREFUSED',
        command: 'CONN',
        message: 'connect ECONNREFUSED 127.0.0.1:1',
      },
      /ESOCKET\/ECONNREFUSED/,
    ],
    [{ code: 'ETIMEDOUT', command: 'CONN', message: 'Connection timeout' }, /ETIMEDOUT.*Connection timeout/],
    [{ code: 'ECONNECTION', command: 'CONN', message: 'Connection closed unexpectedly' }, /ECONNECTION/],
  ])('a session that never got a reply (%o) is worth another try', (fields, reason) => {
    const refusal = refusalOfSmtpError(smtpError(fields));
    expect(refusal.refusal).toEqual({ permanent: false });
    expect(refusal.message).toMatch(/unreachable or the session failed/);
    expect(refusal.message).toMatch(reason);
  });
});

describe('smtpPoolOptions', () => {
  const from = 'Tadamon <notifications@tadamon.example>';

  it('takes host, port and the decoded credentials from SMTP_URL, pooled with 5 connections', () => {
    expect(
      smtpPoolOptions({ url: 'smtp://mailer%40tadamon:p%40ss%3Aword@mail.example:2525', from }),
    ).toMatchObject({
      pool: true,
      host: 'mail.example',
      port: 2525,
      secure: false,
      requireTLS: false,
      tls: { rejectUnauthorized: true },
      auth: { user: 'mailer@tadamon', pass: 'p@ss:word' },
      maxConnections: 5,
    });
  });

  it('uses TLS from the start for smtps://, on 465 unless the URL says otherwise', () => {
    expect(smtpPoolOptions({ url: 'smtps://mail.example', from })).toMatchObject({
      secure: true,
      port: 465,
      auth: undefined,
    });
  });

  it('passes the TLS, pool and DKIM settings through', () => {
    const dkim = { domainName: 'tadamon.example', keySelector: 'mail', privateKey: 'PEM' };
    expect(
      smtpPoolOptions({
        url: 'smtp://mail.example',
        from,
        requireTLS: true,
        rejectUnauthorized: false,
        maxConnections: 2,
        dkim,
      }),
    ).toMatchObject({
      port: 587,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      maxConnections: 2,
      dkim,
    });
  });

  it('refuses a URL that is not SMTP', () => {
    expect(() => smtpPoolOptions({ url: 'http://mail.example', from })).toThrow(/smtp:\/\/ or smtps:\/\//);
  });
});
