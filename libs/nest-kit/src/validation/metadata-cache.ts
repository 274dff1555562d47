import { getMetadataStorage } from 'class-validator';

type MetadataStorage = ReturnType<typeof getMetadataStorage>;
type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type Storage = Omit<
  MetadataStorage,
  'getTargetValidationMetadatas' | 'addValidationMetadata' | 'addConstraintMetadata'
> & {
  getTargetValidationMetadatas: (
    ...args: Parameters<MetadataStorage['getTargetValidationMetadatas']>
  ) => Rules;
  addValidationMetadata: (...args: unknown[]) => unknown;
  addConstraintMetadata: (...args: unknown[]) => unknown;
};

let installed = false;

/**
 * class-validator rebuilds a DTO's list of validation rules (walking every class it knows) on each
 * validation: a tenth of a command's CPU in bench:commands. The list only changes when a decorator
 * adds a rule, so it is kept per DTO and arguments, and the whole memo is dropped on any addition.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage() as unknown as Storage;
  const build = storage.getTargetValidationMetadatas.bind(storage);
  const memo = new Map<unknown, Map<string, Rules>>();
  for (const add of ['addValidationMetadata', 'addConstraintMetadata'] as const) {
    const original = storage[add].bind(storage);
    storage[add] = (...args: unknown[]) => {
      memo.clear();
      return original(...args);
    };
  }
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let perTarget = memo.get(target);
    if (!perTarget) memo.set(target, (perTarget = new Map()));
    if (!perTarget.has(key)) perTarget.set(key, build(target, schema, always, strictGroups, groups));
    return perTarget.get(key) as Rules;
  };
}
