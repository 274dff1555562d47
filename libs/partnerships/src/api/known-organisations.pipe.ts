import { Inject, Injectable, PipeTransform } from '@nestjs/common';
import { FieldIssue } from '@tadamon/domain-kit';
import { ValidationFailed } from '../domain/errors';
import { PARTNERSHIPS_REGISTRY_DIRECTORY, RegistryDirectory } from '../policies/registry-directory';
import { namedOrganisations, organisationIssue } from './known-organisations';

/**
 * A body pipe (`@Body(KnownOrganisations)`): every Registry organisation the body names must be in
 * Partnerships' directory of the Registry, as what it is said to be, and not dissolved, rejected or
 * merged; else 400 naming each field, and nothing is recorded. The directory follows the Registry's
 * events, so an organisation registered a moment ago may be refused until its event arrives: the
 * reason says so.
 */
@Injectable()
export class KnownOrganisations implements PipeTransform {
  constructor(@Inject(PARTNERSHIPS_REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory) {}

  async transform<T>(body: T): Promise<T> {
    const named = namedOrganisations(body);
    if (!named.length) return body;
    const known = new Map(
      (await this.directory.organisations([...new Set(named.map((n) => n.id))])).map((o) => [o.id, o]),
    );
    const issues = named
      .map((n) => organisationIssue(n, known.get(n.id)))
      .filter((issue): issue is FieldIssue => issue !== undefined);
    if (issues.length) throw new ValidationFailed(issues);
    return body;
  }
}
