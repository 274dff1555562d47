import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ActorRegisteredV1,
  AssociationMergedV1,
  AssociationRegisteredV1,
  eventsTopic,
  IntegrationEvent,
  REGISTRY_CONTEXT,
} from '@tadamon/contracts';
import { consumerTransport, DeliveryContext } from '@tadamon/messaging';
import {
  PARTNERSHIPS_REGISTRY_DIRECTORY,
  RegistryAssociationStatus,
  RegistryDirectory,
  RegistryDirectoryChange,
} from './registry-directory';

/** The association statuses each Registry event leads to. */
const STATUS_AFTER: Readonly<Record<string, RegistryAssociationStatus>> = {
  AssociationRegistered: 'submitted',
  AssociationVerified: 'verified',
  AssociationRejected: 'rejected',
  AssociationSuspended: 'suspended',
  AssociationReinstated: 'verified',
  AssociationDissolved: 'dissolved',
  AssociationMerged: 'merged',
};

/** What an integration event of the Registry changes in Partnerships' directory, if anything. */
export const registryDirectoryChangeOf = (event: IntegrationEvent): RegistryDirectoryChange | undefined => {
  const status = STATUS_AFTER[event.type];
  if (status !== undefined) {
    const data = event.data as { associationId: string } & Partial<
      AssociationRegisteredV1 & AssociationMergedV1
    >;
    return {
      kind: 'association',
      id: data.associationId,
      status,
      ...(event.type === 'AssociationRegistered' && data.names ? { names: data.names } : {}),
      ...(event.type === 'AssociationMerged' && data.survivorId ? { mergedInto: data.survivorId } : {}),
      position: event.globalPosition,
    };
  }
  if (event.type === 'ActorRegistered') {
    const data = event.data as ActorRegisteredV1;
    return {
      kind: 'actor',
      id: data.actorId,
      actorKind: data.kind,
      names: data.names,
      position: event.globalPosition,
    };
  }
  return undefined;
};

/**
 * Partnerships' reaction to the Registry (topic tadamon.registry.events.v1): it keeps its own
 * directory of the Registry's organisations (associations: names and status; actors: names and
 * kind), written in the delivery's transaction with the inbox row, to name the parties of its IATI
 * file. Public facts only: the Registry publishes no contact person. Bound to the 'partnerships'
 * consumer's transport: in the embedded platform Funding's consumer takes the same topic.
 */
@Controller()
export class OnRegistryEvents {
  constructor(@Inject(PARTNERSHIPS_REGISTRY_DIRECTORY) private readonly directory: RegistryDirectory) {}

  @EventPattern(eventsTopic(REGISTRY_CONTEXT), consumerTransport('partnerships'))
  async handle(@Payload() event: IntegrationEvent, @Ctx() context: DeliveryContext): Promise<void> {
    const change = registryDirectoryChangeOf(event);
    if (change) await this.directory.record(context.transaction, change);
  }
}
