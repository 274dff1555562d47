import { FieldIssue } from '@tadamon/domain-kit';
import { RegistryOrganisation } from '../policies/registry-directory';

/** An organisation a command body names, where, and the kind it is said to be (an agreement's party). */
export interface NamedOrganisation {
  field: string;
  id: string;
  kind?: string;
}

/** Members naming one Registry organisation, a list of them, or a list of objects naming one. */
const ONE = ['carrierId', 'requesterId', 'partnerId', 'actorId'] as const;
const MANY = ['funderIds'] as const;
const LISTS = ['parties', 'participants', 'cofinancing'] as const;
/** Members holding more of the same (a revision's changes, a support request's answer). */
const NESTED = ['changes', 'answer'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every Registry organisation a Partnerships command body names, with the field naming it: the
 * one place that knows those members, so that no command can name an organisation unchecked.
 */
export const namedOrganisations = (body: unknown, prefix = ''): NamedOrganisation[] => {
  if (!isRecord(body)) return [];
  const named: NamedOrganisation[] = [];
  for (const key of ONE)
    if (typeof body[key] === 'string') named.push({ field: `${prefix}${key}`, id: body[key] as string });
  for (const key of MANY) {
    const ids = body[key];
    if (Array.isArray(ids))
      ids.forEach((id, i) => typeof id === 'string' && named.push({ field: `${prefix}${key}[${i}]`, id }));
  }
  for (const key of LISTS) {
    const items = body[key];
    if (!Array.isArray(items)) continue;
    items.forEach((item, i) => {
      if (!isRecord(item) || typeof item['partyId'] !== 'string') return;
      named.push({
        field: `${prefix}${key}[${i}].partyId`,
        id: item['partyId'],
        ...(typeof item['partyKind'] === 'string' ? { kind: item['partyKind'] } : {}),
      });
    });
  }
  for (const key of NESTED) named.push(...namedOrganisations(body[key], `${prefix}${key}.`));
  return named;
};

/** What is wrong with naming `organisation` (undefined when unknown) where `named` does. */
export const organisationIssue = (
  named: NamedOrganisation,
  organisation: RegistryOrganisation | undefined,
): FieldIssue | undefined => {
  const issue = (reason: string): FieldIssue => ({ field: named.field, reason });
  if (!organisation)
    return issue(`${named.id} is not an organisation of the Registry (or not yet known to Partnerships)`);
  if (organisation.kind === 'association') {
    if (organisation.status === 'merged')
      return issue(
        `${named.id} was merged into ${organisation.mergedInto ?? 'another association'}: name it`,
      );
    if (organisation.status === 'dissolved' || organisation.status === 'rejected')
      return issue(`${named.id} is ${organisation.status} in the Registry`);
  }
  const kind = organisation.kind === 'association' ? 'association' : organisation.actorKind;
  if (named.kind !== undefined && named.kind !== kind)
    return issue(`${named.id} is a ${kind} in the Registry, not a ${named.kind}`);
  return undefined;
};
