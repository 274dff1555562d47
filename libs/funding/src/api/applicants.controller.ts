import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApiProblems,
  ApiRecordResponse,
  CurrentActor,
  ProblemException,
  Roles,
} from '@tadamon/nest-kit';
import { ApplicantFacts } from '../application/applicant-facts';
import { READ_ALL, readsAll } from './access';

@ApiTags('funding: applicants')
@ApiBearerAuth()
@Controller('api/funding/applicants')
export class ApplicantsController {
  constructor(private readonly facts: ApplicantFacts) {}

  @Get(':associationId')
  @ApiRecordResponse('What Funding knows of the applicant')
  @Roles('association', ...READ_ALL)
  @ApiOperation({
    summary:
      'An applicant as Funding knows it from the registry’s events: status (only verified may apply), host countries, the registry log position applied. Its own association, officers, the committee, auditors, admins',
  })
  @ApiProblems(401, 403, 404, 429)
  async get(@CurrentActor() actor: Actor, @Param('associationId') associationId: string) {
    if (!readsAll(actor) && actor.organisationId !== associationId) throw new ProblemException('not-found');
    const applicant = await this.facts.applicant(associationId);
    if (!applicant) throw new ProblemException('not-found');
    return applicant;
  }
}
