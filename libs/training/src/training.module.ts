import { DynamicModule, Module, Provider, Type } from '@nestjs/common';
import { CatalogueModules } from './api/catalogue-modules';
import { EnrolmentAccess } from './api/enrolment-access';
import { TRAINING_CONTROLLERS } from './api/training-controllers';
import { checkInCodes, CheckInKeys } from './application/check-in-codes';
import { TRAINING_CHECK_IN_CODES } from './application/check-in';
import { CertificateIssuance, TRAINING_CERTIFICATE_PASS_SETTINGS } from './application/certificate-issuance';
import { CertificateVerification } from './application/certificate-verification';
import { CredentialIssuer, CredentialIssuerSettings } from './application/credential-issuer';
import { TRAINING_CREDENTIAL_ISSUER, TRAINING_CREDENTIAL_SEALER } from './application/credential-ports';
import { StatusListPublication } from './application/status-list-publication';
import { TrainingCommands } from './application/training-commands';
import {
  TRAINING_APPEND_LISTENER,
  TRAINING_CHECK_IN_KEYS,
  TRAINING_EVENT_STORE,
  TRAINING_READ_MODELS,
  TRAINING_TRAINEES,
  TrainingInfrastructure,
} from './application/training-ports';

export interface TrainingModuleOptions extends TrainingInfrastructure {
  /** Modules that export the host's providers named above, when they are not global. */
  imports?: (DynamicModule | Type<unknown>)[];
  /** The keys the check-in codes are signed with (the current one and those still accepted). */
  checkInKeys: CheckInKeys;
  /** How long one check-in code stays valid, in seconds (10 to 600, default 60). */
  checkInStepSeconds?: number;
  /** The platform as an issuer of certificates: its key, its public URL, how often the issuance pass runs. */
  credentials: CredentialIssuerSettings;
  /** The host's provider sealing data under a person's key (the PersonalDataCipher). */
  credentialSealer: symbol | string;
}

/**
 * Training's HTTP API and command handling on the infrastructure its host profile provides (event
 * store, read models, the Registry's trainees). Named apart from the domain's TrainingModule (a
 * module of the catalogue).
 */
@Module({})
export class TrainingContextModule {
  static forRoot(options: TrainingModuleOptions): DynamicModule {
    const optional = (token: symbol, existing?: symbol | string): Provider[] =>
      existing ? [{ provide: token, useExisting: existing }] : [];
    return {
      module: TrainingContextModule,
      imports: options.imports ?? [],
      controllers: [...TRAINING_CONTROLLERS],
      providers: [
        { provide: TRAINING_EVENT_STORE, useExisting: options.eventStore },
        { provide: TRAINING_READ_MODELS, useExisting: options.readModels },
        { provide: TRAINING_TRAINEES, useExisting: options.trainees },
        { provide: TRAINING_CHECK_IN_KEYS, useValue: options.checkInKeys },
        {
          provide: TRAINING_CHECK_IN_CODES,
          useValue: checkInCodes(options.checkInKeys, { stepSeconds: options.checkInStepSeconds }),
        },
        ...optional(TRAINING_APPEND_LISTENER, options.appendListener),
        TrainingCommands,
        CatalogueModules,
        EnrolmentAccess,
        {
          provide: TRAINING_CREDENTIAL_ISSUER,
          useFactory: () => CredentialIssuer.create(options.credentials),
        },
        { provide: TRAINING_CREDENTIAL_SEALER, useExisting: options.credentialSealer },
        {
          provide: TRAINING_CERTIFICATE_PASS_SETTINGS,
          useValue: { intervalMs: options.credentials.passIntervalMs ?? 60_000 },
        },
        StatusListPublication,
        CertificateVerification,
        CertificateIssuance,
      ],
      exports: [TrainingCommands, CertificateIssuance, StatusListPublication, CertificateVerification],
    };
  }
}
