import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  NotDerivedId,
  NotTheCurrentAttempt,
  NotTheRecipient,
} from '../domain/notification/notification-errors';
import { NOTIFICATIONS_MESSAGES } from './notifications-messages';
import { notificationsProblems } from './notifications-problems';

const context = (language: 'ar' | 'fr' | 'en') => ({ language, instance: '/x', ifMatchSent: false });

/** Every `code` a Notifications error declares, read from the domain's sources. */
function declaredCodes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declaredCodes(path);
    if (!entry.name.endsWith('-errors.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/readonly code = '([A-Z_]+)'/g)].map((m) => m[1]);
  });
}

describe('notifications problems', () => {
  it('has a detail in Arabic, French and English for every code the domain declares, and the common ones', () => {
    const codes = [
      ...declaredCodes(join(__dirname, '..', 'domain')),
      'NOT_CREATED',
      'ALREADY_CREATED',
      'INVALID_TRANSITION',
    ];
    expect(codes.length).toBeGreaterThanOrEqual(6);
    for (const code of codes) {
      const messages = NOTIFICATIONS_MESSAGES[code];
      expect({ code, messages }).toEqual({ code, messages: expect.objectContaining({}) });
      expect(messages.ar).toMatch(/[\u0600-\u06FF]/);
      expect(messages.fr.length).toBeGreaterThan(10);
      expect(messages.en.length).toBeGreaterThan(10);
    }
  });

  it('answers a foreign id as 400 on notificationId, another attempt as 409, another reader as 403', () => {
    const derived = notificationsProblems(new NotDerivedId('ntf-x', 'ntf-y'), context('fr'));
    expect(derived?.kind).toBe('validation');
    expect(derived?.detail).toContain('ntf-y');
    expect(notificationsProblems(new NotTheCurrentAttempt(2, 1), context('ar'))?.kind).toBe('conflict');
    expect(notificationsProblems(new NotTheRecipient('u-2'), context('en'))?.kind).toBe('forbidden');
  });
});
