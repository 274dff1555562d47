import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth';
import { KitMetrics } from './kit-metrics';
import { SkipRateLimit } from '../rate-limit';

// Scraped from inside the network; a reverse proxy keeps it off the public edge.
@ApiExcludeController()
@Public()
@SkipRateLimit()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: KitMetrics) {}

  @Get()
  @Header('cache-control', 'no-store')
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const text = await this.metrics.scrape();
    await reply.type(this.metrics.registry.contentType).send(text);
  }
}
