import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth';
import { ProblemException } from '../problems';
import { ApiProblems } from '../openapi/api-problems.decorator';
import { CheckResult, HealthRegistry } from './health-registry';
import { SkipRateLimit } from '../rate-limit';

const ALIVE = {
  description: 'The process is alive',
  schema: {
    type: 'object' as const,
    required: ['status'],
    properties: { status: { type: 'string' as const, enum: ['ok'] } },
  },
};

@ApiTags('health')
@Public()
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(private readonly registry: HealthRegistry) {}

  /**
   * Liveness: the process answers and none of its background work is stuck (a delivery or a relay
   * batch hung past every timeout); restart it when this fails. A stalled event loop cannot answer
   * at all, which the probe's own timeout turns into a failure. A dependency down is not a reason
   * (restarting would not bring it back): that is readiness.
   */
  @Get()
  @Header('cache-control', 'no-store')
  @ApiOkResponse(ALIVE)
  @ApiProblems(503)
  live(): { status: 'ok' } {
    return this.alive();
  }

  @Get('live')
  @Header('cache-control', 'no-store')
  @ApiOkResponse(ALIVE)
  @ApiProblems(503)
  liveness(): { status: 'ok' } {
    return this.alive();
  }

  private alive(): { status: 'ok' } {
    const stuck = this.registry.stuck();
    if (stuck.length > 0)
      throw new ProblemException(
        'not-alive',
        { message: 'health.stuck', params: { stuck: stuck.map((s) => `${s.name}: ${s.reason}`).join('; ') } },
        { stuck },
      );
    return { status: 'ok' };
  }

  /** Readiness: every registered dependency answers; send traffic elsewhere while it fails. */
  @Get('ready')
  @Header('cache-control', 'no-store')
  @ApiOkResponse({
    description: 'Every dependency is up',
    schema: {
      type: 'object',
      required: ['status', 'checks'],
      properties: {
        status: { type: 'string', enum: ['ok'] },
        checks: { type: 'array', items: { type: 'object' } },
      },
    },
  })
  @ApiProblems(503)
  async readiness(): Promise<{ status: 'ok'; checks: CheckResult[] }> {
    const checks = await this.registry.check();
    const failing = checks.filter((c) => c.status === 'down');
    if (failing.length > 0)
      throw new ProblemException(
        'not-ready',
        { message: 'health.notReady', params: { failing: failing.map((c) => c.name).join(', ') } },
        { checks },
      );
    return { status: 'ok', checks };
  }
}
