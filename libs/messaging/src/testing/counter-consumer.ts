import { Controller, INestMicroservice, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, CustomTransportStrategy, EventPattern, Payload } from '@nestjs/microservices';
import type { IntegrationEvent } from '@tadamon/contracts';
import { DeliveryContext } from '../consumer/delivery-context';
import { HandlerErrorsPassThrough } from '../consumer/handler-errors-pass-through';

export interface CountedData {
  stream: string;
  n: number;
  poison?: boolean;
}

export type CountedEvent = IntegrationEvent<'Counted', CountedData>;

export interface CounterBehaviour<Tx> {
  /** The effect, written in the delivery's transaction. */
  effect: (tx: Tx, event: CountedEvent) => Promise<void> | void;
  /** Throw (after the effect, so a rollback is visible) when this says so. */
  fails?: (event: CountedEvent, attempt: number) => boolean;
  deliveries: { event: CountedEvent; attempt: number; at: number }[];
}

/** A consumer module whose one handler is an ordinary @EventPattern method, for both transports. */
export function counterConsumerModule<Tx>(topic: string, behaviour: CounterBehaviour<Tx>): Type<unknown> {
  @Controller()
  class CounterConsumer {
    @EventPattern(topic)
    async onCounterEvent(@Payload() event: CountedEvent, @Ctx() context: DeliveryContext<Tx>) {
      behaviour.deliveries.push({ event, attempt: context.info.attempt, at: Date.now() });
      await behaviour.effect(context.transaction, event);
      if (behaviour.fails?.(event, context.info.attempt)) {
        throw new Error(`cannot count ${event.data.stream}#${event.data.n}`);
      }
    }
  }
  @Module({ controllers: [CounterConsumer] })
  class CounterConsumerModule {}
  return CounterConsumerModule;
}

export async function startConsumer(
  module: Type<unknown>,
  strategy: CustomTransportStrategy,
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(module, { strategy, logger: false });
  app.useGlobalFilters(new HandlerErrorsPassThrough());
  await app.listen();
  return app;
}

export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
