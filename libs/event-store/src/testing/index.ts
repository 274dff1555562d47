export type {
  ChainTamper,
  ContractFixture,
  ContractFixtureFactory,
  ContractFixtureOptions,
} from './contract-fixture';
export { eventStoreContract } from './event-store-contract';
export type { LogTamper } from './log-tamper';
export { postgresLogTamper, rechained, rehashed, sqliteLogTamper } from './log-tamper';
export { expectAuditorFindsAllSealed, expectSealedUpTo } from './log-seal-checks';
