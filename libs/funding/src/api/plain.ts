/**
 * A validated DTO as plain JSON: class-transformer leaves declared-but-absent members as
 * `undefined`, which canonical JSON (hashing) refuses; absent must be absent.
 */
export const plain = <T>(dto: T): T => JSON.parse(JSON.stringify(dto)) as T;
