import { Inject, Injectable, Optional } from '@nestjs/common';
import { MingoDocumentStore, projectEvents } from '@tadamon/read-store';
import { projectStreamName } from '../domain/project/project';
import {
  PARTNERSHIPS_EVENT_STORE,
  PARTNERSHIPS_IATI_ORGANISATIONS,
  PartnershipsEventStore,
} from '../application/partnerships-ports';
import { PARTNERSHIPS_PROJECTS, ProjectDoc, projectsProjection } from '../projections/projects';
import { IatiOrganisationSource } from './project-to-iati-activity';
import { partyIdsOf } from './published-activities';
import { projectIatiValidation, ProjectIatiValidation } from './project-iati-validation';

export type ProjectIatiCheck = Pick<ProjectIatiValidation, 'valid' | 'missing' | 'findings'> & {
  schemaErrors: number;
};

/**
 * The IATI rules on every save of a project: its stream folded through the projects projection
 * (what the read model will hold, without waiting for it), mapped as the export maps it and
 * checked against the XSD, the rules and the codelists. Warnings come back with the rules' ids at
 * once, so nobody learns at export time that a project cannot be published.
 */
@Injectable()
export class ProjectIatiChecks {
  constructor(
    @Inject(PARTNERSHIPS_EVENT_STORE) private readonly store: PartnershipsEventStore,
    @Optional()
    @Inject(PARTNERSHIPS_IATI_ORGANISATIONS)
    private readonly organisations?: IatiOrganisationSource,
  ) {}

  async check(projectId: string): Promise<ProjectIatiCheck | undefined> {
    const events = await this.store.readStream(projectStreamName(projectId));
    if (events.length === 0) return undefined;
    const folded = new MingoDocumentStore();
    await projectEvents(projectsProjection, events, folded);
    const doc = await folded.collection<ProjectDoc>(PARTNERSHIPS_PROJECTS).get(projectId);
    if (!doc) return undefined;
    const organisations = await this.organisations?.directory(partyIdsOf([doc]));
    const { valid, missing, schemaErrors, findings } = await projectIatiValidation(doc, { organisations });
    return {
      valid,
      ...(missing ? { missing } : {}),
      schemaErrors: schemaErrors.length,
      findings: findings.filter((finding) => finding.severity !== 'info'),
    };
  }
}
