import { IntegrationEvent } from '@tadamon/contracts';
import { BaseRpcContext } from '@nestjs/microservices';

export interface DeliveryInfo {
  /** The consumer group (one per context), also the inbox's consumer name. */
  consumer: string;
  topic: string;
  /** Kafka partition; -1 in the embedded transport. */
  partition: number;
  /** Kafka offset; the global position in the embedded transport. */
  offset: string;
  /** 1 for the first attempt of this delivery. */
  attempt: number;
}

/**
 * The `@Ctx()` of an `@EventPattern` handler on both transports: the transaction in which the
 * handler writes its effect (committed together with the inbox row) and where the message came from.
 */
export class DeliveryContext<Tx = unknown> extends BaseRpcContext<[IntegrationEvent, Tx, DeliveryInfo]> {
  get event(): IntegrationEvent {
    return this.args[0];
  }
  get transaction(): Tx {
    return this.args[1];
  }
  get info(): DeliveryInfo {
    return this.args[2];
  }
}
