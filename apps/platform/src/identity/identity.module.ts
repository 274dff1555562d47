import { DynamicModule, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { resolve } from 'node:path';
import { EmbeddedConfig } from '../embedded/embedded-config';
import { AuthController } from './auth.controller';
import { loadDemoPassword } from './demo-users';
import { IdentityService } from './identity.service';
import { SqliteUserStore } from './user-store';
import type { CommitteeDirectory, EvaluatorAffiliations } from '@tadamon/funding';

export const USER_STORE = Symbol('USER_STORE');
/** Funding's port: the organisation a user (an evaluator) acts for, from the users store. */
export const EVALUATOR_AFFILIATIONS = Symbol('EVALUATOR_AFFILIATIONS');
/** Funding's port: the users with the committee role, whom a decision may name. */
export const COMMITTEE_DIRECTORY = Symbol('COMMITTEE_DIRECTORY');
const DEMO_PASSWORD = Symbol('DEMO_PASSWORD');

export interface IdentityOptions {
  config: EmbeddedConfig;
  env?: NodeJS.ProcessEnv;
}

/** The embedded profile's built-in token issuer and its users store, seeded on the first start. */
@Module({})
export class IdentityModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly identity: IdentityService,
    @Inject(USER_STORE) private readonly users: SqliteUserStore,
    @Inject(DEMO_PASSWORD) private readonly demoPassword: string,
  ) {}

  static forRoot(options: IdentityOptions): DynamicModule {
    // Checked here, so a bad TADAMON_DEMO_PASSWORD fails createApp with a configuration error.
    const demoPassword = loadDemoPassword(options.env ?? process.env);
    return {
      module: IdentityModule,
      controllers: [AuthController],
      providers: [
        { provide: DEMO_PASSWORD, useValue: demoPassword },
        { provide: USER_STORE, useFactory: () => new SqliteUserStore(usersFile(options.config)) },
        {
          provide: IdentityService,
          inject: [USER_STORE],
          useFactory: (users: SqliteUserStore) => new IdentityService(users, options.config.jwtSecret),
        },
        {
          provide: EVALUATOR_AFFILIATIONS,
          inject: [USER_STORE],
          useFactory: (users: SqliteUserStore): EvaluatorAffiliations => ({
            organisationsOf: (userId) => {
              const organisationId = users.findById(userId)?.organisationId;
              return organisationId ? [organisationId] : [];
            },
          }),
        },
        {
          provide: COMMITTEE_DIRECTORY,
          inject: [USER_STORE],
          useFactory: (users: SqliteUserStore): CommitteeDirectory => ({
            committeeUser: (userId) => {
              const user = users.findById(userId);
              return user?.roles.includes('committee')
                ? { userId: user.id, organisationId: user.organisationId }
                : undefined;
            },
          }),
        },
      ],
      exports: [IdentityService, USER_STORE, EVALUATOR_AFFILIATIONS, COMMITTEE_DIRECTORY],
    };
  }

  async onModuleInit(): Promise<void> {
    await this.identity.seedDemoUsers(this.demoPassword);
  }

  onApplicationShutdown(): void {
    this.users.close();
  }
}

export const usersFile = (config: EmbeddedConfig): string => resolve(config.dataDir, 'users.db');
