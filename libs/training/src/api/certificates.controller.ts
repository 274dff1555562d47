import { Body, Controller, Get, Header, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { certificateInputOf, renderCertificate } from '@tadamon/credentials';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiPageResponse,
  ApiProblems,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  plainJson,
  ProblemException,
  Roles,
} from '@tadamon/nest-kit';
import { Filter, listPage } from '@tadamon/read-store';
import type { FastifyReply } from 'fastify';
import { CertificateCredentialErased } from '../application/certificate-errors';
import { IssuedCredential } from '../application/certificate-credential';
import { CERTIFICATES_PATH, CredentialIssuer } from '../application/credential-issuer';
import {
  CredentialSealer,
  TRAINING_CREDENTIAL_ISSUER,
  TRAINING_CREDENTIAL_SEALER,
} from '../application/credential-ports';
import { TrainingCommandInput, TrainingCommands } from '../application/training-commands';
import { TRAINING_READ_MODELS, TrainingReadModels } from '../application/training-ports';
import { Certificate } from '../domain/certificate/certificate-state';
import { CertificateDoc, TRAINING_CERTIFICATES } from '../projections/certificates';
import { assertSeesCertificate, streamId } from './certificate-access';
import { isTrainingOfficer, personOf } from './training-actors';
import {
  CertificatesQueryDto,
  CredentialFormatQueryDto,
  PrintableQueryDto,
  RevokeCertificateDto,
  SuspendCertificateDto,
} from './dto/certificate.dto';

const PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;

/** A certificate as listed: what the read model holds (no name: the credential stays sealed). */
const certificateView = ({
  _id,
  _position,
  ...doc
}: CertificateDoc & { _id?: unknown; _position?: unknown }) => doc;

@ApiTags('training: certificates')
@ApiBearerAuth()
@Controller(CERTIFICATES_PATH)
export class CertificatesController {
  constructor(
    private readonly commands: TrainingCommands,
    @Inject(TRAINING_READ_MODELS) private readonly readModels: TrainingReadModels,
    @Inject(TRAINING_CREDENTIAL_ISSUER) private readonly issuer: CredentialIssuer,
    @Inject(TRAINING_CREDENTIAL_SEALER) private readonly sealer: CredentialSealer,
  ) {}

  @Get()
  @Roles('officer', 'association')
  @ApiPageResponse('Certificates, newest first')
  @ApiOperation({
    summary:
      'Certificates by status, session, module, association or trainee (officer; an association: its own people’s)',
  })
  @ApiProblems(400, 401, 403, 429)
  list(@CurrentActor() actor: Actor, @Query() query: CertificatesQueryDto) {
    const filter: Filter = {};
    for (const key of ['status', 'sessionId', 'moduleId', 'associationId', 'traineeId'] as const)
      if (query[key] !== undefined) filter[key] = query[key];
    if (!isTrainingOfficer(actor)) {
      if (!actor.organisationId) throw new ProblemException('forbidden');
      if (query.associationId !== undefined && query.associationId !== actor.organisationId)
        throw new ProblemException('forbidden');
      filter['associationId'] = actor.organisationId;
    }
    return this.page(filter, query);
  }

  @Get('mine')
  @Roles('trainee')
  @ApiPageResponse('The caller’s certificates, newest first')
  @ApiOperation({ summary: 'My certificates (trainee)' })
  @ApiProblems(400, 401, 403, 429)
  mine(@CurrentActor() actor: Actor, @Query() query: CertificatesQueryDto) {
    return this.page({ traineeId: personOf(actor) }, query);
  }

  @Post(':certificateId/suspend')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Suspend a certificate: its suspension bit is set in the published list (officer)',
    problems: [...PROBLEMS],
  })
  suspend(
    @CurrentActor() actor: Actor,
    @Param('certificateId') certificateId: string,
    @Body() body: SuspendCertificateDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { reason } = plainJson(body);
    return this.run(
      actor,
      certificateId,
      { type: 'SuspendCertificate', data: { certificateId, reason } },
      expectedRevision,
    );
  }

  @Post(':certificateId/reinstate')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Reinstate a suspended certificate: its suspension bit is cleared (officer)',
    problems: [...PROBLEMS],
  })
  reinstate(
    @CurrentActor() actor: Actor,
    @Param('certificateId') certificateId: string,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    return this.run(
      actor,
      certificateId,
      { type: 'ReinstateCertificate', data: { certificateId } },
      expectedRevision,
    );
  }

  @Post(':certificateId/revoke')
  @CommandEndpoint({
    roles: ['officer'],
    summary: 'Revoke a certificate, for good: its revocation bit is set (officer)',
    problems: [...PROBLEMS],
  })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('certificateId') certificateId: string,
    @Body() body: RevokeCertificateDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { reason } = plainJson(body);
    return this.run(
      actor,
      certificateId,
      { type: 'RevokeCertificate', data: { certificateId, reason: reason as never } },
      expectedRevision,
    );
  }

  @Get(':certificateId/credential')
  @Roles('officer', 'trainee', 'association')
  @ApiOkResponse({
    description: 'The signed credential: Data Integrity JSON, or a VC-JWT (application/vc+jwt)',
    content: {
      'application/json': { schema: { type: 'object', additionalProperties: true } },
      'application/vc+jwt': { schema: { type: 'string' } },
    },
  })
  @ApiOperation({
    summary:
      'The signed Open Badges 3.0 credential, ldp (Data Integrity) or jwt (the trainee, its association, officers); 410 once the trainee was erased',
  })
  @ApiProblems(400, 401, 403, 404, 410, 429)
  async credential(
    @CurrentActor() actor: Actor,
    @Param('certificateId') certificateId: string,
    @Query() query: CredentialFormatQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const credential = await this.opened(actor, certificateId);
    if (query.format === 'jwt') {
      reply.header('content-type', 'application/vc+jwt');
      return credential.jwt;
    }
    return credential.ldp;
  }

  @Get(':certificateId/printable')
  @Roles('officer', 'trainee', 'association')
  @Header('cache-control', 'private, no-store')
  @ApiOkResponse({
    description: 'A printable page (A4 landscape, self-contained HTML) with the QR to the verification page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    summary: 'The printable certificate in Arabic, French or English (who sees the credential)',
  })
  @ApiProblems(400, 401, 403, 404, 410, 429)
  async printable(
    @CurrentActor() actor: Actor,
    @Param('certificateId') certificateId: string,
    @Query() query: PrintableQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const credential = await this.opened(actor, certificateId);
    const input = certificateInputOf(
      credential.ldp,
      query.lang ?? 'fr',
      this.issuer.verificationUrl(certificateId),
    );
    const { html } = await renderCertificate(input);
    reply.header('content-type', 'text/html; charset=utf-8');
    return html;
  }

  private page(filter: Filter, query: CertificatesQueryDto) {
    return listPage(
      this.readModels.collection<CertificateDoc>(TRAINING_CERTIFICATES),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { issuedAt: -1, certificateId: 1 } },
      certificateView,
    );
  }

  /** The credential, from the certificate's stream (the truth), opened with the trainee's key. */
  private async opened(actor: Actor, certificateId: string): Promise<IssuedCredential> {
    const loaded = await this.commands.load('certificate', streamId(certificateId));
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    const certificate = loaded.state as Certificate;
    assertSeesCertificate(actor, certificate.issuance);
    const opened = await this.sealer.open<IssuedCredential>({
      subjectId: certificate.issuance.traineeId,
      ...certificate.sealedCredential,
    });
    if ('erased' in opened && opened.erased === true) throw new CertificateCredentialErased(certificateId);
    return opened as IssuedCredential;
  }

  private async run(
    actor: Actor,
    certificateId: string,
    command: TrainingCommandInput<'certificate'>,
    expectedRevision: ExpectedRevision | undefined,
  ) {
    const outcome = await this.commands.execute('certificate', streamId(certificateId), command, actor, {
      expectedRevision,
    });
    return commandResponse(outcome, { certificateId });
  }
}
