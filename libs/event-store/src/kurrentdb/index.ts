// A separate entry (@tadamon/event-store/kurrentdb), so only processes configured for KurrentDB load
// its gRPC client and native bridge.
export * from './kurrentdb-event-store';
