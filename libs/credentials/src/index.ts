// Verifiable credentials: Open Badges 3.0 issued and verified offline, Bitstring Status Lists.
export {};
