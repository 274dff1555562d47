export type {
  ChainTamper,
  ContractFixture,
  ContractFixtureFactory,
  ContractFixtureOptions,
} from './contract-fixture';
export { eventStoreContract } from './event-store-contract';
