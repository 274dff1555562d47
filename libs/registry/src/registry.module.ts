import { DynamicModule, Module } from '@nestjs/common';
import { ActorsController } from './api/actors.controller';
import { AssociationsController } from './api/associations.controller';
import { ContactPersonsController } from './api/contact-persons.controller';
import { FiguresController } from './api/figures.controller';
import { MapController } from './api/map.controller';
import { ReferenceDataController } from './api/reference-data.controller';
import { NetworksController } from './api/networks.controller';
import { RegionalNeedsController } from './api/regional-needs.controller';
import { RegistryCommands } from './application/registry-commands';
import {
  REGISTRY_APPEND_LISTENER,
  REGISTRY_EVENT_STORE,
  REGISTRY_PERSONAL_DATA,
  REGISTRY_READ_MODELS,
  RegistryInfrastructure,
} from './application/registry-ports';

/** The Registry's HTTP API and command handling, on the infrastructure its host profile provides. */
@Module({})
export class RegistryModule {
  static forRoot(infrastructure: RegistryInfrastructure): DynamicModule {
    return {
      module: RegistryModule,
      controllers: [
        AssociationsController,
        ContactPersonsController,
        ActorsController,
        NetworksController,
        RegionalNeedsController,
        MapController,
        FiguresController,
        ReferenceDataController,
      ],
      providers: [
        { provide: REGISTRY_EVENT_STORE, useExisting: infrastructure.eventStore },
        { provide: REGISTRY_READ_MODELS, useExisting: infrastructure.readModels },
        { provide: REGISTRY_PERSONAL_DATA, useExisting: infrastructure.personalData },
        ...(infrastructure.appendListener
          ? [{ provide: REGISTRY_APPEND_LISTENER, useExisting: infrastructure.appendListener }]
          : []),
        RegistryCommands,
      ],
      exports: [RegistryCommands],
    };
  }
}
