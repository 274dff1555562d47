/**
 * A server for bench:commands, run in its own process (forked by run.ts) so the load generator
 * and the server do not share an event loop, and so the app's log output goes to a file.
 *   server.ts platform <dataDir>   the embedded platform, as `npm start` runs it (createApp)
 *   server.ts bare                 a bare NestJS-on-Fastify app: one POST route answering 201
 * Sends `{ port }` over IPC once listening; answers 'cpu' with its CPU time, 'stats' with its RSS
 * and its event-loop delay since the last 'stats'; stops on 'stop'.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Body, Controller, HttpCode, INestApplication, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';

/** The same body as the command, no kit, no auth, no validation: parse, answer 201. */
@Controller('api/bare/associations')
class BareController {
  @Post()
  @HttpCode(201)
  register(@Body() body: { associationId?: string }) {
    return { associationId: body.associationId, revision: 0, events: ['AssociationRegistered'] };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

async function start(mode: string, dataDir: string | undefined): Promise<INestApplication> {
  if (mode === 'platform') {
    if (!dataDir) throw new Error('server.ts platform needs a data folder');
    // Loaded here only: the bare server's process holds nothing of the platform.
    const { createApp } = await import('../../apps/platform/src/create-app');
    return createApp({ dataDir });
  }
  if (mode === 'bare') return NestFactory.create<NestFastifyApplication>(BareModule, new FastifyAdapter());
  throw new Error(`unknown server mode ${mode}`);
}

async function main(): Promise<void> {
  const [mode, dataDir] = process.argv.slice(2);
  const app = await start(mode, dataDir);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  // Sampled every 10 ms by a libuv timer, read and reset on 'stats': nothing per request.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  process.on('message', (message) => {
    // The server's own CPU time, so the run can tell CPU per request from waiting (fsync, the machine).
    if (message === 'cpu') return void process.send?.({ cpu: process.cpuUsage() });
    if (message === 'stats') {
      // The histogram records the time between samples: the delay is what exceeds the 10 ms.
      const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4 - 1000) / 100);
      const memory = process.memoryUsage();
      const stats = {
        rssMiB: Math.round(memory.rss / 2 ** 20),
        heapUsedMiB: Math.round(memory.heapUsed / 2 ** 20),
        eventLoopDelayMs: {
          mean: ms(loopDelay.mean),
          p99: ms(loopDelay.percentile(99)),
          max: ms(loopDelay.max),
        },
      };
      loopDelay.reset();
      return void process.send?.({ stats });
    }
    if (message !== 'stop') return;
    app.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
  process.send?.({ port });
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`bench server failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
