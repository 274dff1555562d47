import {
  Body,
  Controller,
  Get,
  Header,
  Headers,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, ifNoneMatchHolds, plainJson, ProblemException, Public } from '@tadamon/nest-kit';
import type { FastifyReply } from 'fastify';
import { CredentialUnreadable } from '../application/certificate-errors';
import { CertificateVerification } from '../application/certificate-verification';
import {
  CredentialIssuer,
  ISSUER_PATH,
  MINISTRY_NAME,
  STATUS_LISTS_PATH,
} from '../application/credential-issuer';
import { TRAINING_CREDENTIAL_ISSUER } from '../application/credential-ports';
import { StatusListPublication } from '../application/status-list-publication';
import { TrainingCommands } from '../application/training-commands';
import { Certificate } from '../domain/certificate/certificate-state';
import { streamId } from './certificate-access';
import { MAX_PRESENTED_CREDENTIAL, StatusListQueryDto, VerifyCredentialDto } from './dto/certificate.dto';

const PURPOSES = ['revocation', 'suspension'] as const;
/** Short: a revocation reaches verifiers that honour it within a minute. */
const STATUS_LIST_MAX_AGE_SECONDS = 60;

/**
 * What anyone needs to verify a certificate without an account: the issuer's controller document,
 * the status lists, a verification of a presented credential, and a certificate's public status.
 * No personal data: the name in a verification's summary is the one the presented credential
 * carries.
 */
@ApiTags('training: credential verification (public)')
@Controller()
export class CredentialDocumentsController {
  constructor(
    @Inject(TRAINING_CREDENTIAL_ISSUER) private readonly issuer: CredentialIssuer,
    private readonly publication: StatusListPublication,
    private readonly verification: CertificateVerification,
    private readonly commands: TrainingCommands,
  ) {}

  @Get(ISSUER_PATH)
  @Public()
  @Header('cache-control', 'public, max-age=3600')
  @ApiOkResponse({
    description: 'The issuer’s controller document: its Ed25519 key (Multikey) as assertion method',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiOperation({ summary: 'The certificates’ issuer: its controller document and name (anyone)' })
  @ApiProblems(429)
  issuerDocument() {
    return this.issuer.controllerDocument();
  }

  @Get(`${STATUS_LISTS_PATH}/:statusListId/:purpose`)
  @Public()
  @ApiOkResponse({
    description: 'A BitstringStatusListCredential, Data Integrity JSON or VC-JWT',
    content: {
      'application/json': { schema: { type: 'object', additionalProperties: true } },
      'application/vc+jwt': { schema: { type: 'string' } },
    },
  })
  @ApiOperation({
    summary:
      'A status list (purpose revocation or suspension), signed; ?format=jwt or Accept: application/vc+jwt for the VC-JWT; ETag, short max-age (anyone)',
  })
  @ApiProblems(400, 404, 429)
  async statusList(
    @Param('statusListId') statusListId: string,
    @Param('purpose') purpose: string,
    @Query() query: StatusListQueryDto,
    @Headers('accept') accept: string | undefined,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (!(PURPOSES as readonly string[]).includes(purpose)) throw new ProblemException('not-found');
    const list = await this.publication.published(
      streamId(statusListId),
      purpose as (typeof PURPOSES)[number],
    );
    if (!list) throw new ProblemException('not-found');
    const format = query.format ?? (accept?.includes('application/vc+jwt') ? 'jwt' : 'ldp');
    const { body, etag } = list[format];
    reply.header('etag', etag);
    reply.header('cache-control', `public, max-age=${STATUS_LIST_MAX_AGE_SECONDS}`);
    reply.header('vary', 'accept');
    if (ifNoneMatchHolds(ifNoneMatch, etag)) {
      reply.status(304);
      return '';
    }
    if (format === 'jwt') reply.header('content-type', 'application/vc+jwt');
    return body;
  }

  @Post('api/training/verify')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({
    description:
      '{valid, format, checks {signature, issuer, dates, revocation, suspension}, errors, summary}',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiOperation({
    summary:
      'Verify a presented credential: {credential} (Data Integrity JSON) or {jwt} (VC-JWT), at most 64 KiB (anyone)',
  })
  @ApiProblems(400, 413, 429)
  async verify(@Body() body: VerifyCredentialDto) {
    const { credential, jwt } = plainJson(body);
    if ((credential === undefined) === (jwt === undefined)) throw new CredentialUnreadable('credential');
    if (credential !== undefined && JSON.stringify(credential).length > MAX_PRESENTED_CREDENTIAL)
      throw new ProblemException('payload-too-large', 'a credential is at most 64 KiB');
    return this.verification.verify((credential ?? jwt) as never);
  }

  @Get('api/training/certificates/:certificateId/verification')
  @Public()
  @Header('cache-control', 'no-cache')
  @ApiOkResponse({
    description: 'status (active, suspended, revoked), module, dates, issuer: no personal data',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  @ApiOperation({ summary: 'A certificate’s public status, as its QR code leads to it (anyone)' })
  @ApiProblems(404, 429)
  async certificateStatus(@Param('certificateId') certificateId: string) {
    const loaded = await this.commands.load('certificate', streamId(certificateId));
    if (!loaded || loaded.state.status === 'none') throw new ProblemException('not-found');
    const { status, issuance, issuedAt, revocation, suspensions } = loaded.state as Certificate;
    return {
      certificateId,
      status,
      achievement: issuance.achievement,
      moduleId: issuance.moduleId,
      completedOn: issuance.completedOn,
      issuedAt,
      validFrom: issuance.validFrom,
      validUntil: issuance.validUntil,
      suspendedAt: status === 'suspended' ? (suspensions[suspensions.length - 1]?.suspendedAt ?? null) : null,
      revokedAt: revocation?.revokedAt ?? null,
      issuer: { id: this.issuer.issuerId, name: MINISTRY_NAME },
    };
  }
}
