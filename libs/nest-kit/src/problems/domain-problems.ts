import type { DomainError } from '@tadamon/domain-kit';
import { domainValidationProblem, fieldPointer } from './domain-validation';
import { Language } from './messages';
import { ProblemException } from './problem';
import { ProblemMapper } from './problem-mapping';

/** A context's `detail` of its problems in ar/fr/en, per error code; `{name}` takes the error's params. */
export type DomainMessages = Readonly<Record<string, Readonly<Record<Language, string>>>>;

/** The catalog's message for `code` in `language`, its `{name}`s filled from `params`. */
export const domainMessage = (
  messages: DomainMessages,
  code: string,
  language: Language,
  params: Readonly<Record<string, string>> = {},
): string | undefined =>
  messages[code]?.[language]?.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/**
 * A context's domain errors (those deriving from `base`) as problems: each error says its kind
 * (a code keeps one kind so clients can rely on it), the params of its message and its extra
 * members. The detail is in the caller's language (Accept-Language), the English message stays
 * in `debug`; a refusal about one member of the body also names it in `errors`.
 */
export const domainProblems =
  (base: abstract new (...args: never[]) => DomainError, messages: DomainMessages): ProblemMapper =>
  (error, context) => {
    if (!(error instanceof base)) return undefined;
    if (error.issues) return domainValidationProblem(error.issues);
    const detail = domainMessage(messages, error.code, context.language, error.params()) ?? error.message;
    return new ProblemException(error.kind, detail, {
      code: error.code,
      debug: error.message,
      ...error.extensions(),
      ...(error.field === undefined ? {} : { errors: [{ pointer: fieldPointer(error.field), detail }] }),
    });
  };
