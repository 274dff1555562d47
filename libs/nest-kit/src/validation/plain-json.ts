/**
 * A validated DTO as plain JSON: class-transformer leaves declared-but-absent members as
 * `undefined`, which canonical JSON (hashing, sealing) refuses; absent must be absent.
 */
export const plainJson = <T>(dto: T): T => JSON.parse(JSON.stringify(dto)) as T;
