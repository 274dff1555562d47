import { DynamicModule, Module } from '@nestjs/common';
import { PersonalDataCipher } from '@tadamon/personal-data';
import { DocumentStore } from '@tadamon/read-store';
import { checkInKeysFromSecrets, TrainingContextModule } from '@tadamon/training';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { APPEND_LISTENER, DOCUMENT_STORE, EVENT_STORE, PERSONAL_DATA } from '../embedded/embedded.module';
import { PlatformTrainees } from './platform-trainees';

export const TRAINEE_DIRECTORY = Symbol('TRAINEE_DIRECTORY');

/** The Registry's contact persons as Training's trainees, read in the same process. */
@Module({})
class PlatformTraineeDirectory {
  static forRoot(): DynamicModule {
    return {
      module: PlatformTraineeDirectory,
      providers: [
        {
          provide: TRAINEE_DIRECTORY,
          inject: [DOCUMENT_STORE, PERSONAL_DATA],
          useFactory: (docs: DocumentStore, personalData: PersonalDataCipher) =>
            new PlatformTrainees(docs, personalData),
        },
      ],
      exports: [TRAINEE_DIRECTORY],
    };
  }
}

/** Training in the embedded platform: the shared log and read models, the Registry's people. */
export const platformTraining = (config: EmbeddedConfig): DynamicModule =>
  TrainingContextModule.forRoot({
    eventStore: EVENT_STORE,
    readModels: DOCUMENT_STORE,
    appendListener: APPEND_LISTENER,
    trainees: TRAINEE_DIRECTORY,
    checkInKeys: checkInKeysFromSecrets(config.checkInSecret),
    credentials: {
      keyPem: config.credentialIssuerKeyPem,
      publicUrl: config.publicUrl,
      passIntervalMs: config.certificatePassSeconds * 1000,
    },
    credentialSealer: PERSONAL_DATA,
    imports: [PlatformTraineeDirectory.forRoot()],
  });
