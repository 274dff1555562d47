import { InMemoryRateLimitStore } from './in-memory-rate-limit-store';
import { rateLimitStoreContract } from './rate-limit-store.contract';

rateLimitStoreContract('in-memory', () => {
  const store = new InMemoryRateLimitStore();
  return { store, close: () => store.close() };
});
