import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  ApiPageResponse,
  ApiProblems,
  ApiRecordResponse,
  CurrentActor,
  PageQueryDto,
  ProblemException,
  Role,
  ROLES,
  Roles,
} from '@tadamon/nest-kit';
import { Filter, listPage } from '@tadamon/read-store';
import { NotificationsCommands } from '../application/notifications-commands';
import {
  MessageRenderer,
  NOTIFICATIONS_READ_MODELS,
  NOTIFICATIONS_RENDERER,
  NotificationsReadModels,
} from '../application/notifications-ports';
import { Language, Trigger, TRIGGERS } from '../domain/notification/notification-messages';
import { sampleModelFor } from '../templates/sample-models';
import { NOTIFICATIONS, NotificationDoc } from '../projections/notifications-view';
import { PreviewQueryDto, ProofOfNoticeQueryDto } from './dto/notifications-query.dto';

export const NOTIFICATIONS_PATH = 'api/notifications';
/** Who reads every organisation's proof of notice: the ministry, its auditors, the admin. */
const READ_ALL: readonly Role[] = ['officer', 'auditor', 'admin'];
const ORGANISATION_ROLES: readonly Role[] = ['association', 'partner'];
/** Every account has an inbox (its own only). */
export const ANY_ACCOUNT: readonly Role[] = ROLES;
const readsAll = (actor: Actor) => actor.roles.some((r) => READ_ALL.includes(r));

/** The document without the read model's bookkeeping (its key and the log position it reflects). */
const view = ({ _id: _i, _position: _p, ...doc }: NotificationDoc & { _position?: number }) => doc;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller(NOTIFICATIONS_PATH)
export class NotificationsController {
  constructor(
    private readonly commands: NotificationsCommands,
    @Inject(NOTIFICATIONS_READ_MODELS) private readonly readModels: NotificationsReadModels,
    @Inject(NOTIFICATIONS_RENDERER) private readonly renderer: MessageRenderer,
  ) {}

  @Get('proof')
  @Roles(...READ_ALL, ...ORGANISATION_ROLES)
  @ApiPageResponse('Notifications, newest first: trigger, channel, language, template version, outcome')
  @ApiOperation({
    summary:
      'The proof of notice: what an organisation was told about a record, when, in which language and through which channel, and how each notice ended (delivered, failed with the reason, skipped with the reason). Officers, auditors, admin: any organisation; an association or partner: its own',
  })
  @ApiProblems(400, 401, 403, 429)
  proof(@CurrentActor() actor: Actor, @Query() query: ProofOfNoticeQueryDto) {
    const organisationId = readsAll(actor) ? query.organisationId : actor.organisationId;
    if (!organisationId && !readsAll(actor)) throw new ProblemException('forbidden');
    if (!readsAll(actor) && query.organisationId !== undefined && query.organisationId !== organisationId)
      return { items: [], total: 0, page: query.page ?? 1, pageSize: query.pageSize ?? 20 };
    const filter: Filter = {};
    if (organisationId) filter['organisationId'] = organisationId;
    if (query.subjectId) filter['subjectId'] = query.subjectId;
    if (query.channel) filter['channel'] = query.channel;
    return listPage(
      this.readModels.collection<NotificationDoc>(NOTIFICATIONS),
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { requestedAt: -1, _id: 1 } },
      view,
    );
  }

  @Get('inbox')
  @Roles(...ANY_ACCOUNT)
  @ApiOkResponse({
    description: "The caller's in-app notifications, newest first, with the unread count",
    schema: {
      type: 'object',
      required: ['items', 'total', 'page', 'pageSize', 'unread'],
      properties: {
        items: { type: 'array', items: { type: 'object' } },
        total: { type: 'integer', minimum: 0 },
        page: { type: 'integer', minimum: 1 },
        pageSize: { type: 'integer', minimum: 1 },
        unread: { type: 'integer', minimum: 0, description: 'How many of all of them are unread' },
      },
    },
  })
  @ApiOperation({ summary: "The caller's in-app inbox, newest first, and how many are unread (any account)" })
  @ApiProblems(400, 401, 429)
  async inbox(@CurrentActor() actor: Actor, @Query() query: PageQueryDto) {
    const collection = this.readModels.collection<NotificationDoc>(NOTIFICATIONS);
    const filter: Filter = {
      channel: 'in-app',
      'recipient.kind': 'user',
      'recipient.id': actor.id,
      status: 'delivered',
    };
    const page = await listPage(
      collection,
      filter,
      { page: query.page, pageSize: query.pageSize, sort: { deliveredAt: -1, _id: 1 } },
      view,
    );
    return { ...page, unread: await collection.count({ ...filter, readAt: null }) };
  }

  @Get('templates/:trigger/preview')
  @Roles('officer', 'admin')
  @ApiRecordResponse('The message as it would go out: subject, HTML and text, template version, language')
  @ApiOperation({
    summary:
      "Preview a trigger's template in a language with sample facts (officers, admin); a missing translation shows its fallback",
  })
  @ApiProblems(400, 401, 403, 404, 429)
  async preview(@Param('trigger') trigger: string, @Query() query: PreviewQueryDto) {
    if (!(TRIGGERS as readonly string[]).includes(trigger)) throw new ProblemException('not-found');
    const language = (query.language ?? 'fr') as Language;
    const { bodySha256: _hash, ...message } = await this.renderer.render(
      trigger as Trigger,
      language,
      sampleModelFor(trigger as Trigger),
    );
    return message;
  }

  @Get(':notificationId')
  @Roles(...READ_ALL, ...ORGANISATION_ROLES)
  @ApiRecordResponse('The notification and every event of its stream (its log: the proof itself)')
  @ApiOperation({
    summary:
      'One notification and its log: requested (source event, recipient, channel), rendered (template version, language, fallback), each attempt and the outcome (readers of all; the organisation told)',
  })
  @ApiProblems(401, 403, 404, 429)
  async one(@CurrentActor() actor: Actor, @Param('notificationId') notificationId: string) {
    const loaded = await this.commands.load('notification', notificationId);
    const state = loaded?.state;
    if (!loaded || !state || state.status === 'none') throw new ProblemException('not-found');
    const own = state.recipient.kind === 'user' && state.recipient.id === actor.id;
    if (!readsAll(actor) && !own && actor.organisationId !== state.recipient.organisationId)
      throw new ProblemException('not-found');
    return {
      notification: state,
      revision: loaded.revision,
      log: loaded.events.map((e) => ({
        type: e.type,
        data: e.data,
        revision: e.revision,
        globalPosition: e.globalPosition,
        recordedAt: e.recordedAt,
        hash: e.hash,
      })),
    };
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @Roles(...ANY_ACCOUNT)
  @ApiRecordResponse('The outcome of marking the notification read')
  @ApiOperation({ summary: "Mark one of the caller's in-app notifications read (its recipient only)" })
  @ApiProblems(401, 403, 404, 409, 429)
  async read(@CurrentActor() actor: Actor, @Param('notificationId') notificationId: string) {
    const loaded = await this.commands.load('notification', notificationId);
    const state = loaded?.state;
    if (!state || state.status === 'none' || state.recipient.id !== actor.id)
      throw new ProblemException('not-found');
    const outcome = await this.commands.execute(
      'notification',
      notificationId,
      { type: 'MarkNotificationRead', data: { notificationId } },
      { id: actor.id, roles: actor.roles },
    );
    return { revision: outcome.revision, events: outcome.events };
  }
}
