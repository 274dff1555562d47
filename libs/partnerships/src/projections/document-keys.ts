/**
 * The key of an id under a map of a read-model document (signatures, amendments, updates). Keys
 * may not contain `.`, which ids may: it is escaped as `%2E` (`%` is not a character of ids).
 */
export const documentKey = (id: string): string => id.replace(/\./g, '%2E');
