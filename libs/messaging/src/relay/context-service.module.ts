import { DynamicModule, Module, ValueProvider } from '@nestjs/common';
import {
  ProblemMapper,
  SEAL_WITNESS_VIEW,
  SealWitnessController,
  serviceModules,
  ServiceLogLevel,
} from '@tadamon/nest-kit';
import { ContextInfrastructure } from './context-infrastructure';

/** The tokens under which a context's module finds its service's log, read models and append listener. */
export const CONTEXT_TOKENS = {
  eventStore: Symbol('EVENT_STORE'),
  readModels: Symbol('DOCUMENT_STORE'),
  appendListener: Symbol('APPEND_LISTENER'),
} as const;
export type ContextTokens = typeof CONTEXT_TOKENS;

export interface ContextServiceOptions<I extends ContextInfrastructure> {
  /** Names the service in metrics and logs. */
  appName: string;
  infrastructure: I;
  logLevel: ServiceLogLevel;
  /** The context's errors as problems (its domainProblems). */
  problemMappers: ProblemMapper[];
  /** The context's module, on the infrastructure's tokens (and its own). */
  context(tokens: ContextTokens): DynamicModule;
  /** The context's own values (a key store, a directory) under the tokens its module injects. */
  providers?: ValueProvider[];
}

/**
 * The root module of a context's service in the distributed profile: the service kit, the
 * infrastructure under the kit's tokens, the context's module and the witness of the log's seals.
 */
@Module({})
export class ContextServiceModule {
  static create<I extends ContextInfrastructure>(options: ContextServiceOptions<I>): DynamicModule {
    const { infrastructure } = options;
    return {
      module: ContextServiceModule,
      imports: [
        ...serviceModules({
          appName: options.appName,
          config: infrastructure.config,
          logLevel: options.logLevel,
          problemMappers: options.problemMappers,
          infrastructure,
          providers: [
            { provide: CONTEXT_TOKENS.eventStore, useValue: infrastructure.eventStore },
            { provide: CONTEXT_TOKENS.readModels, useValue: infrastructure.documents },
            { provide: CONTEXT_TOKENS.appendListener, useValue: infrastructure.appendListener },
            ...(options.providers ?? []),
          ],
        }),
        options.context(CONTEXT_TOKENS),
      ],
      controllers: [SealWitnessController],
      providers: [{ provide: SEAL_WITNESS_VIEW, useValue: infrastructure.logSeals }],
    };
  }
}
