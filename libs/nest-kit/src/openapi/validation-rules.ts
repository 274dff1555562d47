import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import 'reflect-metadata';

type Schema = Record<string, unknown> & {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  $ref?: string;
  allOf?: Schema[];
};
type Rule = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

/**
 * What the validation pipe enforces, written into the schemas of the DTOs it enforces it on: the
 * same class-validator rules, so the document cannot be looser than the server (no unknown members,
 * enums, lengths, sizes, bounds, integer types, patterns). A rule with no JSON Schema equivalent
 * (a custom validator) stays with the server.
 */
export function documentValidationRules(document: OpenAPIObject): void {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const storage = getMetadataStorage();
  // class-validator keeps no public list of the classes it knows: its map is the only index.
  const targets = (storage as unknown as { validationMetadatas: Map<unknown, unknown> }).validationMetadatas;
  for (const target of targets.keys()) {
    if (typeof target !== 'function') continue;
    const schema = schemas[target.name];
    if (!schema?.properties) continue;
    // The pipe runs with whitelist and forbidNonWhitelisted: any other member is a 400.
    schema.additionalProperties = false;
    const rules = storage.getTargetValidationMetadatas(target, '', true, false);
    for (const name of new Set(rules.map((rule) => rule.propertyName))) {
      if (schema.properties[name]) continue;
      // A member validated but not decorated for Swagger would be refused by additionalProperties.
      schema.properties[name] = undocumentedMember(target, name, rules, schemas);
      if (!rules.some((rule) => rule.propertyName === name && rule.type === 'conditionalValidation'))
        schema.required = [...new Set([...((schema.required as string[]) ?? []), name])];
    }
    for (const rule of rules) {
      const property = schema.properties[rule.propertyName];
      if (!property) continue;
      const subject = rule.each ? property.items : property;
      if (subject && !subject.$ref && !subject.allOf) applyRule(subject, rule);
    }
  }
}

/** A member's schema from its TypeScript type (emitted metadata) and its type rules. */
function undocumentedMember(
  target: { prototype: object },
  name: string,
  rules: Rule[],
  schemas: Record<string, Schema>,
): Schema {
  const named = (rule: string) => rules.some((r) => r.propertyName === name && r.name === rule);
  const designType = Reflect.getMetadata?.('design:type', target.prototype, name) as
    { name?: string } | undefined;
  if (named('isArray') || designType === Array) {
    const items: Schema = named('isString') ? { type: 'string' } : named('isInt') ? { type: 'integer' } : {};
    return { type: 'array', items };
  }
  if (named('isString') || designType === String) return { type: 'string' };
  if (named('isInt')) return { type: 'integer' };
  if (named('isBoolean') || designType === Boolean) return { type: 'boolean' };
  if (designType === Number) return { type: 'number' };
  if (designType?.name && schemas[designType.name])
    return { $ref: `#/components/schemas/${designType.name}` };
  return {};
}

function applyRule(schema: Schema, rule: Rule): void {
  const [first] = (rule.constraints ?? []) as unknown[];
  switch (rule.name) {
    case 'isIn':
      if (Array.isArray(first)) schema.enum = [...first];
      return;
    case 'maxLength':
      schema.maxLength = first;
      return;
    case 'minLength':
      if (typeof first === 'number' && first > 0) schema.minLength = first;
      return;
    case 'arrayMaxSize':
      schema.maxItems = first;
      return;
    case 'arrayMinSize':
      if (typeof first === 'number' && first > 0) schema.minItems = first;
      return;
    case 'arrayNotEmpty':
      schema.minItems = Math.max(1, Number(schema.minItems ?? 0));
      return;
    case 'min':
      schema.minimum = first;
      return;
    case 'max':
      schema.maximum = first;
      return;
    case 'isInt':
      schema.type = 'integer';
      return;
    case 'isBoolean':
      schema.type = 'boolean';
      return;
    case 'isEmail':
      schema.format = 'email';
      return;
    case 'matches':
      // JSON Schema patterns are ECMA 262 without flags; a pattern with flags stays with the server.
      if (first instanceof RegExp && first.flags === '') schema.pattern = first.source;
      return;
  }
}
