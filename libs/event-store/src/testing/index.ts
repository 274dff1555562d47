export type {
  ChainTamper,
  ContractFixture,
  ContractFixtureFactory,
  ContractFixtureOptions,
} from './contract-fixture';
export { eventStoreContract } from './event-store-contract';
export type { LogTamper, SqliteEventColumn, SqliteStorageTamper } from './log-tamper';
export {
  postgresLogTamper,
  rechained,
  rehashed,
  SQLITE_EVENT_COLUMNS,
  sqliteLogTamper,
  sqliteStorageTamper,
} from './log-tamper';
export { STORAGE_TAMPER_CASES } from './chain-tampering-cases';
export type { StorageTamperCase } from './chain-tampering-cases';
export { expectAuditorFindsAllSealed, expectSealedUpTo } from './log-seal-checks';
