import { Body, Controller, Delete, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiPageResponse,
  ApiProblems,
  ApiRecordResponse,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  PageQueryDto,
  plainJson,
  ProblemException,
  Role,
  Roles,
} from '@tadamon/nest-kit';
import { listPage } from '@tadamon/read-store';
import { randomUUID } from 'node:crypto';
import { WebhookSecrets } from '../channels/webhook/webhook-secrets';
import { NotificationDispatcher } from '../application/dispatcher';
import { NotificationsCommands } from '../application/notifications-commands';
import {
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_WEBHOOK_SECRETS,
  NotificationsReadModels,
} from '../application/notifications-ports';
import { NotOwnOrganisation, OrganisationRequired } from '../domain/organisation-errors';
import { WebhookEndpoint } from '../domain/webhook-endpoint/webhook-endpoint-state';
import { NOTIFICATIONS, NotificationDoc } from '../projections/notifications-view';
import { WEBHOOK_ENDPOINTS, WebhookEndpointDoc } from '../projections/webhook-endpoints-view';
import {
  RegisterWebhookEndpointDto,
  WebhookEndpointSettingsDto,
  WebhookSecretResultDto,
} from './dto/webhook-endpoint.dto';
import { NOTIFICATIONS_PATH } from './notifications.controller';

const PATH = `${NOTIFICATIONS_PATH}/webhook-endpoints`;
const MANAGERS: readonly Role[] = ['officer', 'admin', 'association', 'partner'];
const READERS: readonly Role[] = [...MANAGERS, 'auditor'];
const PROBLEMS = [400, 401, 403, 404, 409, 412, 429] as const;
const readsAll = (actor: Actor) =>
  actor.roles.some((r) => r === 'officer' || r === 'admin' || r === 'auditor');
const bare = <T extends { _id?: unknown; _position?: unknown }>({ _id: _i, _position: _p, ...doc }: T) => doc;

/**
 * A partner's webhook endpoints: registered with the triggers they receive, a `whsec_` secret shown
 * once (at registration and at each rotation; the previous one still signs for 24 h), their
 * delivery log and the replay of any delivery. An organisation's account manages its own endpoints;
 * officers and the admin any organisation's; auditors read.
 */
@ApiTags('notifications: webhook endpoints')
@ApiBearerAuth()
@Controller(PATH)
export class WebhookEndpointsController {
  constructor(
    private readonly commands: NotificationsCommands,
    private readonly dispatcher: NotificationDispatcher,
    @Inject(NOTIFICATIONS_READ_MODELS) private readonly readModels: NotificationsReadModels,
    @Inject(NOTIFICATIONS_WEBHOOK_SECRETS) private readonly secrets: WebhookSecrets,
  ) {}

  @Post()
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary:
      "Register a webhook endpoint of an organisation (a partner's or association's account: its own). The answer carries the signing secret (whsec_…), shown this once",
    problems: [...PROBLEMS],
    creates: true,
    result: WebhookSecretResultDto,
  })
  async register(@CurrentActor() actor: Actor, @Body() body: RegisterWebhookEndpointDto) {
    const { organisationId: named, url, description, triggers } = plainJson(body);
    const organisationId = this.organisationFor(actor, named);
    const endpointId = `whe-${randomUUID()}`;
    const secretId = `whs-${randomUUID()}`;
    const secret = await this.secrets.create(secretId);
    try {
      const outcome = await this.commands.execute(
        'webhookEndpoint',
        endpointId,
        {
          type: 'RegisterWebhookEndpoint',
          data: { endpointId, organisationId, secretId, url, description, triggers } as never,
        },
        actor,
      );
      return commandResponse(outcome, { endpointId, secret });
    } catch (error) {
      await this.secrets.destroy(secretId); // refused: the secret was for nobody
      throw error;
    }
  }

  @Get()
  @Roles(...READERS)
  @ApiPageResponse('Webhook endpoints (never their secrets), newest first')
  @ApiOperation({
    summary: "Webhook endpoints: an organisation's account sees its own; officers, admin, auditors all",
  })
  @ApiProblems(400, 401, 403, 429)
  list(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    const filter = readsAll(actor) ? {} : { organisationId: actor.organisationId ?? '\u0000none' };
    return listPage(
      this.readModels.collection<WebhookEndpointDoc>(WEBHOOK_ENDPOINTS),
      { ...filter, status: { $ne: 'removed' } },
      { page: query.page, pageSize: query.pageSize, sort: { registeredAt: -1, _id: 1 } },
      bare,
    );
  }

  @Get(':endpointId')
  @Roles(...READERS)
  @ApiRecordResponse('The endpoint: URL, triggers, status, failure streak; never its secret')
  @ApiOperation({ summary: 'One webhook endpoint (its organisation; officers, admin, auditors)' })
  @ApiProblems(401, 403, 404, 429)
  async one(@CurrentActor() actor: Actor, @Param('endpointId') endpointId: string) {
    const { state, revision } = await this.endpoint(actor, endpointId);
    const { secrets: _s, usedSecretIds: _u, ...view } = state;
    return { ...view, revision };
  }

  @Patch(':endpointId')
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary:
      'Change the URL, description or triggers of an endpoint (its organisation). If-Match: the revision read',
    problems: [...PROBLEMS],
  })
  async change(
    @CurrentActor() actor: Actor,
    @Param('endpointId') endpointId: string,
    @Body() body: WebhookEndpointSettingsDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    await this.endpoint(actor, endpointId);
    const { url, description, triggers } = plainJson(body);
    const outcome = await this.commands.execute(
      'webhookEndpoint',
      endpointId,
      { type: 'ChangeWebhookEndpoint', data: { endpointId, url, description, triggers } as never },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome, { endpointId });
  }

  @Post(':endpointId/rotate-secret')
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary:
      'Rotate the signing secret: the answer carries the new one (shown this once); the previous one still signs for 24 h',
    problems: [...PROBLEMS],
    result: WebhookSecretResultDto,
  })
  async rotate(@CurrentActor() actor: Actor, @Param('endpointId') endpointId: string) {
    await this.endpoint(actor, endpointId);
    const secretId = `whs-${randomUUID()}`;
    const secret = await this.secrets.create(secretId);
    try {
      const outcome = await this.commands.execute(
        'webhookEndpoint',
        endpointId,
        { type: 'RotateWebhookSecret', data: { endpointId, secretId } },
        actor,
      );
      return commandResponse(outcome, { endpointId, secret });
    } catch (error) {
      await this.secrets.destroy(secretId);
      throw error;
    }
  }

  @Post(':endpointId/disable')
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary: 'Stop deliveries to an endpoint (its organisation); pending ones are skipped',
    problems: [...PROBLEMS],
  })
  disable(@CurrentActor() actor: Actor, @Param('endpointId') endpointId: string) {
    return this.run(actor, endpointId, {
      type: 'DisableWebhookEndpoint',
      data: { endpointId, reason: 'by-partner' },
    });
  }

  @Post(':endpointId/enable')
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary: 'Deliver to an endpoint again (after a 410, five days of failures, or its own disabling)',
    problems: [...PROBLEMS],
  })
  enable(@CurrentActor() actor: Actor, @Param('endpointId') endpointId: string) {
    return this.run(actor, endpointId, { type: 'EnableWebhookEndpoint', data: { endpointId } });
  }

  @Delete(':endpointId')
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary: 'Remove an endpoint; its secrets are destroyed',
    problems: [...PROBLEMS],
  })
  async remove(@CurrentActor() actor: Actor, @Param('endpointId') endpointId: string) {
    const { state } = await this.endpoint(actor, endpointId);
    const outcome = await this.execute(actor, endpointId, {
      type: 'RemoveWebhookEndpoint',
      data: { endpointId },
    });
    for (const secretId of state.usedSecretIds) await this.secrets.destroy(secretId);
    return outcome;
  }

  @Get(':endpointId/deliveries')
  @Roles(...READERS)
  @ApiPageResponse('Deliveries to the endpoint, newest first: trigger, attempts, outcome, last failure')
  @ApiOperation({ summary: "An endpoint's delivery log (its organisation; officers, admin, auditors)" })
  @ApiProblems(400, 401, 403, 404, 429)
  async deliveries(
    @CurrentActor() actor: Actor,
    @Param('endpointId') endpointId: string,
    @Query() query: PageQueryDto,
  ) {
    await this.endpoint(actor, endpointId);
    return listPage(
      this.readModels.collection<NotificationDoc>(NOTIFICATIONS),
      { channel: 'webhook', 'recipient.id': endpointId },
      { page: query.page, pageSize: query.pageSize, sort: { requestedAt: -1, _id: 1 } },
      bare,
    );
  }

  @Post(':endpointId/deliveries/:notificationId/replay')
  @CommandEndpoint({
    roles: ['officer', 'admin', 'partner', 'association'],
    summary: 'Send a delivery again (delivered or failed): the same body and webhook-id, as its next attempt',
    problems: [...PROBLEMS],
  })
  async replay(
    @CurrentActor() actor: Actor,
    @Param('endpointId') endpointId: string,
    @Param('notificationId') notificationId: string,
  ) {
    await this.endpoint(actor, endpointId);
    const delivery = await this.commands.load('notification', notificationId);
    const state = delivery?.state;
    if (!state || state.status === 'none' || state.recipient.id !== endpointId)
      throw new ProblemException('not-found');
    const outcome = await this.commands.execute(
      'notification',
      notificationId,
      { type: 'RedeliverNotification', data: { notificationId } },
      actor,
    );
    this.dispatcher.enqueue([notificationId]);
    return commandResponse(outcome, { notificationId });
  }

  private organisationFor(actor: Actor, named: string | undefined): string {
    if (actor.roles.some((r) => r === 'officer' || r === 'admin')) {
      if (!named) throw new OrganisationRequired();
      return named;
    }
    if (!actor.organisationId || (named !== undefined && named !== actor.organisationId))
      throw new NotOwnOrganisation(named ?? '(none)', actor.organisationId ?? null);
    return actor.organisationId;
  }

  /** The endpoint, when the actor may see it; another organisation's answers 404. */
  private async endpoint(
    actor: Actor,
    endpointId: string,
  ): Promise<{ state: WebhookEndpoint; revision: number }> {
    const loaded = await this.commands.load('webhookEndpoint', endpointId);
    const state = loaded?.state;
    if (!loaded || !state || state.status === 'none' || state.status === 'removed')
      throw new ProblemException('not-found');
    if (!readsAll(actor) && actor.organisationId !== state.organisationId)
      throw new ProblemException('not-found');
    return { state, revision: loaded.revision };
  }

  private async run(
    actor: Actor,
    endpointId: string,
    command: Parameters<NotificationsCommands['execute']>[2],
  ) {
    await this.endpoint(actor, endpointId);
    return this.execute(actor, endpointId, command);
  }

  /** For a caller that has already loaded the endpoint and checked the actor may act on it. */
  private async execute(
    actor: Actor,
    endpointId: string,
    command: Parameters<NotificationsCommands['execute']>[2],
  ) {
    const outcome = await this.commands.execute('webhookEndpoint', endpointId, command as never, actor);
    return commandResponse(outcome, { endpointId });
  }
}
