import { CanActivate, ExecutionContext, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../problems';
import { OWN_RATE_LIMIT_KEY, OwnRateLimit, SKIP_RATE_LIMIT_KEY } from './rate-limit.decorators';
import { RATE_LIMIT_STORE, RateLimitStore } from './rate-limit-store';

export const RATE_LIMIT_OPTIONS = Symbol('RATE_LIMIT_OPTIONS');

/** Requests per client IP across every route, per window. */
export interface ClientRateLimit {
  limit: number;
  windowMs: number;
}

interface Policy {
  /** Prefix of the counter's key; empty for the client's limit across routes. */
  prefix: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts each request against its client IP's limit across all routes, and against a route's own
 * limit if it has one; the tighter of the two is reported in the RateLimit headers and, once
 * exceeded, answers 429 with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly policiesByHandler = new WeakMap<object, Policy[]>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(RATE_LIMIT_OPTIONS) private readonly client: ClientRateLimit,
    @Inject(RATE_LIMIT_STORE) private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policies = this.policiesOf(context);
    if (policies.length === 0) return true;
    const http = context.switchToHttp();
    const ip = http.getRequest<FastifyRequest>().ip;
    const now = Date.now();
    let limit = 0;
    let remaining = Infinity;
    let resetAtMs = now;
    for (const policy of policies) {
      const window = await this.store.hit(policy.prefix + ip, policy.windowMs, now);
      const left = policy.limit - window.count;
      if (left < remaining) [limit, remaining, resetAtMs] = [policy.limit, left, window.resetAtMs];
    }
    const resetSeconds = Math.max(1, Math.ceil((resetAtMs - now) / 1000));
    const headers = {
      'ratelimit-limit': String(limit),
      'ratelimit-remaining': String(Math.max(0, remaining)),
      'ratelimit-reset': String(resetSeconds),
    };
    if (remaining < 0)
      throw new ProblemException(
        'rate-limited',
        { message: 'rateLimit.exceeded', params: { seconds: resetSeconds } },
        {},
        { ...headers, 'retry-after': String(resetSeconds) },
      );
    http.getResponse<FastifyReply>().headers(headers);
    return true;
  }

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }

  private policiesOf(context: ExecutionContext): Policy[] {
    const handler = context.getHandler();
    const known = this.policiesByHandler.get(handler);
    if (known) return known;
    const targets = [handler, context.getClass()];
    const policies: Policy[] = [];
    if (!this.reflector.getAllAndOverride<boolean>(SKIP_RATE_LIMIT_KEY, targets)) {
      policies.push({ prefix: '', ...this.client });
      const own = this.reflector.getAllAndOverride<OwnRateLimit | undefined>(OWN_RATE_LIMIT_KEY, targets);
      // A space cannot occur in an IP address, so no own counter can meet a client's counter.
      if (own) policies.push({ prefix: `${own.name} `, limit: own.limit, windowMs: own.windowMs });
    }
    this.policiesByHandler.set(handler, policies);
    return policies;
  }
}
