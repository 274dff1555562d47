import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotAParty } from '../domain/agreement/agreement-errors';
import { ValidationFailed } from '../domain/errors';
import { ProjectIncomplete } from '../domain/project/project-errors';
import { IndicatorUpdateNotFound, SameHand } from '../domain/results/results-errors';
import { PARTNERSHIPS_MESSAGES } from './partnerships-messages';
import { partnershipsProblems } from './partnerships-problems';

const context = (language: 'ar' | 'fr' | 'en') => ({ language, instance: '/x', ifMatchSent: false });

/** Every `code` a Partnerships error declares, read from the domain's sources. */
function declaredCodes(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return declaredCodes(path);
    if (!entry.name.endsWith('-errors.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/readonly code = '([A-Z_]+)'/g)].map((m) => m[1]);
  });
}

describe('partnerships problems', () => {
  it('has a detail in Arabic, French and English for every code the domain declares, and the common ones', () => {
    const codes = [
      ...declaredCodes(join(__dirname, '..', 'domain')),
      ...declaredCodes(join(__dirname, '..', 'api')),
      'NOT_CREATED',
      'ALREADY_CREATED',
      'INVALID_TRANSITION',
      'CURRENCY_MISMATCH',
    ];
    expect(codes.length).toBeGreaterThan(25);
    for (const code of codes) {
      const messages = PARTNERSHIPS_MESSAGES[code];
      expect({ code, messages }).toEqual({ code, messages: expect.objectContaining({}) });
      expect(messages.ar).toMatch(/[\u0600-\u06FF]/);
      expect(messages.fr.length).toBeGreaterThan(10);
      expect(messages.en.length).toBeGreaterThan(10);
    }
  });

  it('answers four eyes and a non-party signature with 403, a missing update with 404', () => {
    expect(partnershipsProblems(new SameHand('u-1', 'officer-1'), context('fr'))?.kind).toBe('forbidden');
    expect(partnershipsProblems(new NotAParty('assoc-9', 1), context('en'))?.kind).toBe('forbidden');
    expect(partnershipsProblems(new IndicatorUpdateNotFound('u-2'), context('ar'))?.kind).toBe('not-found');
  });

  it('names what a project lacks in the caller’s language and as a member clients read', () => {
    const problem = partnershipsProblems(
      new ProjectIncomplete('p-1', ['sectors', 'locations']),
      context('fr'),
    );
    expect(problem?.kind).toBe('conflict');
    expect(problem?.detail).toBe(
      'Il manque au projet des informations nécessaires à cette étape : sectors, locations.',
    );
    expect(problem?.extensions).toMatchObject({
      code: 'PROJECT_INCOMPLETE',
      missing: ['sectors', 'locations'],
    });
  });

  it('turns a validation failure into the 400 listing every field as a JSON pointer', () => {
    const problem = partnershipsProblems(
      new ValidationFailed([{ field: 'sectors[1].percentage', reason: 'must be at most 100' }]),
      context('en'),
    );
    expect(problem?.kind).toBe('validation');
    expect(problem?.extensions['errors']).toEqual([
      { pointer: '/sectors/1/percentage', detail: 'must be at most 100' },
    ]);
  });
});
