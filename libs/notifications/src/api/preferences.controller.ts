import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ExpectedRevision } from '@tadamon/eventsourcing';
import {
  Actor,
  ApiProblems,
  ApiRecordResponse,
  CommandEndpoint,
  commandResponse,
  CurrentActor,
  ExpectedRevisionHeader,
  plainJson,
  ProblemException,
  Public,
  revisionedIfStored,
  Roles,
} from '@tadamon/nest-kit';
import { NotificationsCommands } from '../application/notifications-commands';
import {
  NOTIFICATIONS_RECIPIENTS,
  NOTIFICATIONS_SETTINGS,
  NotificationsSettings,
  RecipientDirectory,
} from '../application/notifications-ports';
import { isUnsubscribeToken } from '../application/unsubscribe-token';
import { settingsOf } from '../domain/preferences/preferences';
import { CategoryDto, PreferencesDto } from './dto/preferences.dto';
import { ANY_ACCOUNT, NOTIFICATIONS_PATH } from './notifications.controller';
import { recipientOrganisation } from './recipient-access';

@ApiTags('notifications: preferences')
@ApiBearerAuth()
@Controller(NOTIFICATIONS_PATH)
export class PreferencesController {
  constructor(
    private readonly commands: NotificationsCommands,
    @Inject(NOTIFICATIONS_RECIPIENTS) private readonly directory: RecipientDirectory,
    @Inject(NOTIFICATIONS_SETTINGS) private readonly settings: NotificationsSettings,
  ) {}

  @Get('preferences/:recipientId')
  @Roles(...ANY_ACCOUNT)
  @ApiRecordResponse('The settings in force (the defaults until set) and the categories unsubscribed')
  @ApiOperation({
    summary:
      "A recipient's preferences: channels, language, immediate or digest, quiet hours (Africa/Casablanca), unsubscribed categories. One's own; an organisation's contact persons for its account; anyone's for officers and the admin",
  })
  @ApiProblems(401, 403, 404, 429)
  async read(@CurrentActor() actor: Actor, @Param('recipientId') recipientId: string) {
    await recipientOrganisation(actor, recipientId, this.directory);
    const loaded = await this.commands.load('preferences', recipientId);
    const state = loaded?.state ?? { status: 'none' as const, unsubscribed: [] };
    const revision = loaded?.revision ?? -1;
    const body = {
      recipientId,
      ...settingsOf(state),
      unsubscribed: state.unsubscribed,
      isDefault: state.status !== 'set',
      revision,
    };
    // The ETag is the If-Match of the next change (none until the preferences are first set).
    return revisionedIfStored(body, revision);
  }

  @Put('preferences/:recipientId')
  @CommandEndpoint({
    roles: [...ANY_ACCOUNT],
    summary:
      "Set a recipient's channels, language, cadence and quiet hours (who may: as for reading them). If-Match: the revision read",
    problems: [400, 401, 403, 404, 409, 412, 429],
  })
  async set(
    @CurrentActor() actor: Actor,
    @Param('recipientId') recipientId: string,
    @Body() body: PreferencesDto,
    @ExpectedRevisionHeader() expectedRevision: ExpectedRevision | undefined,
  ) {
    const organisationId = await recipientOrganisation(actor, recipientId, this.directory);
    const { channels, language, cadence, quietHours } = plainJson(body);
    const outcome = await this.commands.execute(
      'preferences',
      recipientId,
      {
        type: 'SetPreferences',
        data: {
          recipientId,
          organisationId,
          channels,
          language,
          cadence,
          quietHours: quietHours ?? null,
        } as never,
      },
      actor,
      { expectedRevision },
    );
    return commandResponse(outcome, { recipientId });
  }

  @Post('preferences/:recipientId/resubscribe')
  @CommandEndpoint({
    roles: [...ANY_ACCOUNT],
    summary: 'Receive a category (trigger) again after a one-click unsubscribe (who may: as for preferences)',
    problems: [400, 401, 403, 404, 409, 429],
  })
  async resubscribe(
    @CurrentActor() actor: Actor,
    @Param('recipientId') recipientId: string,
    @Body() body: CategoryDto,
  ) {
    await recipientOrganisation(actor, recipientId, this.directory);
    const outcome = await this.commands.execute(
      'preferences',
      recipientId,
      { type: 'Resubscribe', data: { recipientId, category: body.category as never } },
      actor,
    );
    return commandResponse(outcome, { recipientId });
  }

  @Get('unsubscribe/:notificationId')
  @Public()
  @ApiRecordResponse('What the one-click unsubscribe of this message would stop (nothing is changed by GET)')
  @ApiOperation({
    summary:
      "What the unsubscribe link of a message stops: its category, for its recipient. GET changes nothing (mail scanners follow links); POST unsubscribes (RFC 8058). The link's token is required",
  })
  @ApiProblems(404, 429)
  async describe(@Param('notificationId') notificationId: string, @Query('token') token: unknown) {
    const { recipientId, category } = await this.unsubscribable(notificationId, token);
    const loaded = await this.commands.load('preferences', recipientId);
    return { notificationId, category, unsubscribed: (loaded?.state.unsubscribed ?? []).includes(category) };
  }

  @Post('unsubscribe/:notificationId')
  @Public()
  @HttpCode(200)
  @ApiRecordResponse('The category is no longer sent to this recipient')
  @ApiOperation({
    summary:
      'RFC 8058 one-click unsubscribe: the List-Unsubscribe URL of a message, POSTed by the mail client (body List-Unsubscribe=One-Click) or the web page; stops that category for that recipient. Repeats change nothing',
  })
  @ApiProblems(404, 429)
  async unsubscribe(@Param('notificationId') notificationId: string, @Query('token') token: unknown) {
    const { recipientId, category } = await this.unsubscribable(notificationId, token);
    const outcome = await this.commands.execute(
      'preferences',
      recipientId,
      { type: 'Unsubscribe', data: { recipientId, category } },
      { id: `unsubscribe-link:${notificationId}`, roles: [] },
    );
    return { notificationId, category, unsubscribed: true, revision: outcome.revision };
  }

  /** The recipient and category of a message whose link token is right; anything else is 404. */
  private async unsubscribable(notificationId: string, token: unknown) {
    if (!isUnsubscribeToken(this.settings.unsubscribeSecret, notificationId, token))
      throw new ProblemException('not-found');
    const loaded = await this.commands.load('notification', notificationId);
    const state = loaded?.state;
    if (!state || state.status === 'none') throw new ProblemException('not-found');
    return { recipientId: state.recipient.id, category: state.trigger };
  }
}
