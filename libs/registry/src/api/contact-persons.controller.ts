import { CommandEndpoint } from '@tadamon/nest-kit';
import { ApiListResponse, ApiRecordResponse, plainJson, revisionedIfStored } from '@tadamon/nest-kit';
import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  assertCanAccess,
  CurrentActor,
  EmptyBody,
  ExpectedRevisionHeader,
  ProblemException,
  revisioned,
  Roles,
} from '@tadamon/nest-kit';
import { isErased } from '@tadamon/personal-data';
import { randomUUID } from 'node:crypto';
import { RegistryCommands } from '../application/registry-commands';
import {
  REGISTRY_PERSONAL_DATA,
  REGISTRY_READ_MODELS,
  RegistryPersonalData,
  RegistryReadModels,
} from '../application/registry-ports';
import {
  ConsentPurpose,
  ContactPersonCommand,
  ContactPersonState,
  KnownContactPerson,
  LegalBasis,
} from '../domain/contact-person/contact-person';
import { SealedPersonalData } from '../domain/personal-data/sealed-personal-data';
import { CONTACT_PERSONS, ContactPersonDoc } from '../projections/contact-persons';
import { assertActsFor, READ_ALL } from './access';
import { CommandResultDto } from './dto/common.dto';
import { AddContactPersonDto, ChangeContactPersonDto, RecordConsentDto } from './dto/contact-person.dto';

/** Opened personal data, or `{ erased: true }` once the person's key was destroyed. */
type OpenedCard = Record<string, unknown> | { erased: true };

@ApiTags('registry: contact persons')
@ApiBearerAuth()
@Controller('api/registry')
export class ContactPersonsController {
  constructor(
    private readonly commands: RegistryCommands,
    @Inject(REGISTRY_READ_MODELS) private readonly readModels: RegistryReadModels,
    @Inject(REGISTRY_PERSONAL_DATA) private readonly personalData: RegistryPersonalData,
  ) {}

  @Post('associations/:associationId/contacts')
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      'Add a contact person: the card is sealed with a key of its own before it reaches the log; consents given are recorded as events',
    problems: [400, 401, 403, 404, 409, 412, 422, 429],
    creates: true,
  })
  async add(
    @CurrentActor() actor: Actor,
    @Param('associationId') associationId: string,
    @Body() body: AddContactPersonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    assertActsFor(actor, associationId);
    // The person's id is new: no revision of it can match, and nothing is sealed for a refusal.
    if (expectedRevision !== undefined) throw new ProblemException('precondition-failed');
    const association = await this.commands.load('association', associationId);
    if (!association) throw new ProblemException('not-found');
    const subjectId = `person-${randomUUID()}`;
    const sealed = await this.personalData.seal(subjectId, plainJson(body.card));
    let outcome: Awaited<ReturnType<ContactPersonsController['contact']>>;
    try {
      outcome = await this.contact(actor, subjectId, {
        type: 'AddContactPerson',
        data: { subjectId, associationId, role: body.role as never, personalData: sealed },
      });
    } catch (refused) {
      await this.discardUnrecordedKey(subjectId);
      throw refused;
    }
    for (const consent of body.consents ?? []) {
      outcome = await this.contact(actor, subjectId, {
        type: 'RecordConsent',
        data: {
          subjectId,
          purpose: consent.purpose as ConsentPurpose,
          legalBasis: consent.legalBasis as LegalBasis,
          decision: 'given',
        },
      });
    }
    return revisionedIfStored({ subjectId, ...outcome }, outcome.revision);
  }

  @Get('associations/:associationId/contacts')
  @ApiListResponse("The association's contact persons")
  @Roles('officer', 'auditor', 'admin', 'association')
  @ApiOperation({
    summary:
      "An association's contact persons, opened; an erased person shows as erased (its own account, officers, auditors)",
  })
  @ApiProblems(401, 403, 404, 429)
  async list(@CurrentActor() actor: Actor, @Param('associationId') associationId: string) {
    assertCanAccess(actor, { organisationId: associationId }, { readAll: READ_ALL });
    // A list under an association that does not exist is a 404, as the association itself is.
    const association = await this.commands.load('association', associationId);
    if (!association || association.state.status === 'none') throw new ProblemException('not-found');
    const docs = await this.readModels
      .collection<ContactPersonDoc>(CONTACT_PERSONS)
      .find({ associationId }, { sort: { addedAt: 1, _id: 1 } });
    return Promise.all(
      docs.map(async (doc) => ({
        subjectId: doc.subjectId,
        role: doc.role,
        status: doc.status,
        card: await this.open(doc.personalData),
        consents: Object.values(doc.consents),
        addedAt: doc.addedAt,
        erasedAt: doc.erasedAt,
      })),
    );
  }

  @Get('contacts/:subjectId')
  @ApiRecordResponse('The contact person (ETag = revision)')
  @Roles('officer', 'auditor', 'admin', 'association')
  @ApiOperation({ summary: 'One contact person, from its stream (ETag = revision)' })
  @ApiProblems(401, 403, 404, 429)
  async get(@CurrentActor() actor: Actor, @Param('subjectId') subjectId: string) {
    const { state, revision } = await this.person(actor, subjectId, READ_ALL);
    return revisioned(
      {
        subjectId,
        associationId: state.associationId,
        role: state.role,
        status: state.status,
        card: await this.open(state.personalData),
        consents: state.consents,
      },
      revision,
    );
  }

  @Patch('contacts/:subjectId')
  @Roles('officer', 'association')
  @ApiOperation({
    summary: "Change a contact person's role or card (sealed again). If-Match: the revision read.",
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 429)
  async change(
    @CurrentActor() actor: Actor,
    @Param('subjectId') subjectId: string,
    @Body() body: ChangeContactPersonDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { state } = await this.person(actor, subjectId);
    if (state.status === 'erased')
      return this.run(
        actor,
        subjectId,
        { type: 'ChangeContactPerson', data: { subjectId } },
        expectedRevision,
      );
    const personalData = body.card
      ? await this.personalData.seal(subjectId, plainJson(body.card))
      : undefined;
    return this.run(
      actor,
      subjectId,
      {
        type: 'ChangeContactPerson',
        data: {
          subjectId,
          ...(body.role && { role: body.role as never }),
          ...(personalData && { personalData }),
        },
      },
      expectedRevision,
    );
  }

  @Post('contacts/:subjectId/consents')
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary: 'Record a consent given or withdrawn, for a purpose and a legal basis',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async consent(
    @CurrentActor() actor: Actor,
    @Param('subjectId') subjectId: string,
    @Body() body: RecordConsentDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.person(actor, subjectId);
    return this.run(
      actor,
      subjectId,
      {
        type: 'RecordConsent',
        data: {
          subjectId,
          purpose: body.purpose as ConsentPurpose,
          legalBasis: body.legalBasis as LegalBasis,
          decision: body.decision,
        },
      },
      expectedRevision,
    );
  }

  @Post('contacts/:subjectId/remove')
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary: 'Remove a contact person from the association (the data lives until erased)',
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('subjectId') subjectId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.person(actor, subjectId);
    return this.run(actor, subjectId, { type: 'RemoveContactPerson', data: { subjectId } }, expectedRevision);
  }

  @Post('contacts/:subjectId/erase')
  @CommandEndpoint({
    roles: ['officer', 'association'],
    summary:
      "Erase a person's data: the key is destroyed (every sealed copy in the log becomes unreadable; the hash chain still verifies), then the erasure is recorded",
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async erase(
    @CurrentActor() actor: Actor,
    @Param('subjectId') subjectId: string,
    @EmptyBody() _body: undefined,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const { revision } = await this.person(actor, subjectId);
    // A stale If-Match must change nothing: checked before the key, which cannot come back.
    if (typeof expectedRevision === 'number' && expectedRevision !== revision)
      throw new ProblemException('precondition-failed');
    // The key first: once it is gone the person is erased in fact; a retry records the event.
    await this.personalData.erase(subjectId);
    return this.run(actor, subjectId, { type: 'ErasePersonalData', data: { subjectId } }, expectedRevision);
  }

  // The data subject's access right is served by the controller's back office or through the
  // person's own association; auditors and admins read records, not a person's whole file.
  @Get('contacts/:subjectId/export')
  @ApiRecordResponse('The data-subject access export')
  @Roles('officer', 'association')
  @ApiOperation({
    summary:
      "Data-subject access export: the person's data in clear, consents with their history, and every processing recorded (who, what, when). Officers, and the person's own association; not auditors or admins.",
  })
  @ApiProblems(401, 403, 404, 429)
  async export(@CurrentActor() actor: Actor, @Param('subjectId') subjectId: string) {
    const { state, events } = await this.person(actor, subjectId, ['officer']);
    return {
      subjectId,
      associationId: state.associationId,
      role: state.role,
      status: state.status,
      card: await this.open(state.personalData),
      consents: events
        .filter((e) => e.type === 'ConsentRecorded')
        .map((e) => {
          const { purpose, legalBasis, decision, at } = e.data as Record<string, string>;
          return { purpose, legalBasis, decision, at };
        }),
      processing: events.map((e) => ({
        event: e.type,
        at: e.recordedAt,
        by: e.metadata.actor.id,
        revision: e.revision,
      })),
      controller: 'Ministry in charge of Moroccans residing abroad',
      exportedAt: new Date().toISOString(),
    };
  }

  private async person(actor: Actor, subjectId: string, readAll = ['officer', 'admin'] as readonly string[]) {
    const loaded = await this.commands.load('contactPerson', subjectId);
    const state = loaded?.state as ContactPersonState | undefined;
    if (!loaded || !state || state.status === 'none') throw new ProblemException('not-found');
    assertCanAccess(actor, { organisationId: state.associationId }, { readAll: readAll as never });
    return { ...loaded, state: state as KnownContactPerson };
  }

  /**
   * The key is made before the command that records the person (the event carries the sealed card),
   * so a refused command would leave a key for nobody. Destroyed only if nothing was recorded.
   */
  private async discardUnrecordedKey(subjectId: string): Promise<void> {
    // When the log cannot be read, the key stays: destroying a recorded person's key loses their data.
    const recorded = await this.commands.load('contactPerson', subjectId).then(
      (loaded) => loaded !== undefined,
      () => true,
    );
    if (!recorded) await this.personalData.erase(subjectId);
  }

  private async open(sealed: SealedPersonalData | null): Promise<OpenedCard> {
    if (sealed === null) return { erased: true };
    const opened = await this.personalData.open<Record<string, unknown>>(sealed);
    return isErased(opened) ? { erased: true } : opened;
  }

  private contact(
    actor: Actor,
    subjectId: string,
    command: Pick<ContactPersonCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    return this.commands.execute('contactPerson', subjectId, command as never, actor, { expectedRevision });
  }

  private async run(
    actor: Actor,
    subjectId: string,
    command: Pick<ContactPersonCommand, 'type' | 'data'>,
    expectedRevision?: ExpectedRevision,
  ) {
    const outcome = await this.contact(actor, subjectId, command, expectedRevision);
    return revisionedIfStored(outcome, outcome.revision);
  }
}
