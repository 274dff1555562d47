import { FieldIssues } from '../field-validation';

export const MAX_WEBHOOK_URL = 2048;

/** Plain http is allowed to these hosts only: tests and a partner's local setup. */
const LOOPBACK = ['127.0.0.1', '[::1]', 'localhost'];

/**
 * An endpoint's URL: https (the signature proves who sent, not that nobody read), or http to the
 * loopback; no user or password in it, since the URL is shown in the partner's delivery log.
 */
export const checkWebhookUrl = (issues: FieldIssues, field: string, value: unknown): string => {
  const text = typeof value === 'string' ? value.trim() : '';
  if (typeof value !== 'string' || text === '') {
    issues.add(field, 'must be an https URL');
    return text;
  }
  if (text.length > MAX_WEBHOOK_URL) {
    issues.add(field, `must be at most ${MAX_WEBHOOK_URL} characters`);
    return text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    issues.add(field, 'must be an https URL');
    return text;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname)))
    issues.add(field, 'must be https (http only to 127.0.0.1, ::1 or localhost)');
  if (url.username !== '' || url.password !== '') issues.add(field, 'must not hold a user or password');
  return text;
};
