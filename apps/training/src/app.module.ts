import { DynamicModule, Module } from '@nestjs/common';
import { ContextServiceModule } from '@tadamon/messaging';
import { ServiceLogLevel } from '@tadamon/nest-kit';
import { checkInKeysFromSecrets, TrainingContextModule, trainingProblems } from '@tadamon/training';
import { OnRegistryPeople, REGISTRY_PEOPLE } from './directory/on-registry-people';
import { TrainingInfrastructure } from './infrastructure/training-infrastructure';

const TRAINEES = Symbol('TRAINEES');
const CREDENTIAL_SEALER = Symbol('CREDENTIAL_SEALER');

/** The consumer's handlers (the Registry's organisations and contact persons). */
@Module({ controllers: [OnRegistryPeople] })
class TrainingDirectoryModule {}

/** The Training service: the Training context alone, on the distributed profile's infrastructure. */
export const trainingServiceModule = (
  infrastructure: TrainingInfrastructure,
  logLevel: ServiceLogLevel,
): DynamicModule =>
  ContextServiceModule.create({
    appName: 'training',
    infrastructure,
    logLevel,
    problemMappers: [trainingProblems],
    providers: [
      { provide: REGISTRY_PEOPLE, useValue: infrastructure.people },
      { provide: TRAINEES, useValue: infrastructure.trainees },
      { provide: CREDENTIAL_SEALER, useValue: infrastructure.credentialSealer },
    ],
    context: ({ eventStore, readModels, appendListener }) =>
      TrainingContextModule.forRoot({
        eventStore,
        readModels,
        appendListener,
        trainees: TRAINEES,
        checkInKeys: checkInKeysFromSecrets(infrastructure.config.checkInSecret),
        credentials: infrastructure.config.credentials,
        credentialSealer: CREDENTIAL_SEALER,
        imports: [TrainingDirectoryModule],
      }),
  });
