import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import type { Role } from '../auth/actor';
import { CommandResultDto } from '../validation/shared-dtos';
import { ApiProblems, ProblemStatus } from './api-problems.decorator';

export interface CommandEndpointOptions {
  /** Who may send the command (any of them). */
  roles: readonly Role[];
  /** The operation's summary in the OpenAPI document: what the command does, and for whom. */
  summary: string;
  /** The problems it may answer with. */
  problems: ProblemStatus[];
  /** 201 for a command that creates a record (the handler sets its Location); 200 otherwise. */
  creates?: boolean;
  /** The answer's schema when it says more than the outcome (a subclass of CommandResultDto). */
  result?: Type<CommandResultDto>;
}

/**
 * A command endpoint as every context writes it: its roles, its status, its summary, the
 * CommandResultDto it answers with (ETag = the stream's revision) and its problems. Route and
 * parameters stay on the handler: `@Post(':id/close') @CommandEndpoint({...}) close(...)`.
 */
export const CommandEndpoint = ({
  roles,
  summary,
  problems,
  creates = false,
  result = CommandResultDto,
}: CommandEndpointOptions) =>
  // Applied in the order stacked decorators are (bottom first), so the document is the same.
  applyDecorators(
    ...[
      Roles(...roles),
      HttpCode(creates ? 201 : 200),
      ApiOperation({ summary }),
      creates ? ApiCreatedResponse({ type: result }) : ApiOkResponse({ type: result }),
      ApiProblems(...problems),
    ].reverse(),
  );
