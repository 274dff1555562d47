import {
  domainValidationProblem,
  fieldPointer,
  ProblemException,
  ProblemKind,
  ProblemMapper,
} from '@tadamon/nest-kit';
import { Money, toMajorString } from '@tadamon/reference-data';
import { BudgetEnvelopeExceeded, CommitmentNotFound } from '../domain/budget-envelope/budget-envelope-errors';
import { CallStillOpen } from '../domain/call-for-proposals/call-for-proposals';
import {
  CurrencyMismatch,
  FundingError,
  InvalidTransition,
  NotCreated,
  ValidationFailed,
} from '../domain/errors';
import {
  AppealWindowClosed,
  AssociationNotVerified,
  BelowThresholds,
  CallNotOpenForSubmissions,
  CommitteeMemberHasConflict,
  EvaluationIncomplete,
  EvaluatorNotAssigned,
  NotTheEvaluator,
  OutsideFundedSet,
  TrancheNotFound,
} from '../domain/grant-application/grant-application-errors';
import {
  AmountAboveCallBudget,
  CallerNotInCommittee,
  FunderIsAssociation,
  InvalidSignatory,
  RefusedField,
  UnknownCommitteeMember,
  UnknownFunder,
} from '../domain/refused-fields';
import { fundingMessage } from './funding-messages';

const show = (amount: Money): string => `${toMajorString(amount)} ${amount.currency}`;

const params = (error: FundingError): Record<string, string> => {
  if (error instanceof InvalidTransition) return { status: error.from };
  if (error instanceof CurrencyMismatch) return { expected: error.expected };
  if (error instanceof BudgetEnvelopeExceeded) return { remaining: show(error.remaining) };
  if (error instanceof CallStillOpen) return { deadline: error.deadline };
  if (error instanceof AssociationNotVerified) return { status: error.status };
  if (error instanceof CallNotOpenForSubmissions) return { reason: error.reason };
  if (error instanceof EvaluationIncomplete) return { required: String(error.required) };
  if (error instanceof BelowThresholds) return { failed: error.failed.join(', ') };
  if (error instanceof CommitteeMemberHasConflict) return { member: error.memberId };
  if (error instanceof AppealWindowClosed) return { deadline: error.appealDeadline };
  if (error instanceof OutsideFundedSet) return { rank: error.rank === null ? '—' : String(error.rank) };
  if (error instanceof UnknownCommitteeMember) return { member: error.memberId };
  if (error instanceof CallerNotInCommittee) return { caller: error.callerId };
  if (error instanceof InvalidSignatory) return { signatory: error.signatory };
  if (error instanceof UnknownFunder || error instanceof FunderIsAssociation)
    return { funder: error.funderId };
  if (error instanceof AmountAboveCallBudget) return { budget: show(error.budget) };
  return {};
};

/** The member of the body a refusal is about, when it is about one. */
const fieldOf = (error: FundingError): string | undefined =>
  error instanceof RefusedField ||
  error instanceof OutsideFundedSet ||
  error instanceof CommitteeMemberHasConflict
    ? error.field
    : undefined;

/** Members a client may act on, beyond the code (e.g. what is left of the envelope). */
const extensionsOf = (error: FundingError): Record<string, unknown> => {
  if (error instanceof BudgetEnvelopeExceeded)
    return { envelopeId: error.envelopeId, requested: error.requested, remaining: error.remaining };
  if (error instanceof CallStillOpen) return { deadline: error.deadline };
  if (error instanceof AppealWindowClosed) return { appealDeadline: error.appealDeadline };
  if (error instanceof BelowThresholds) return { failedThresholds: error.failed };
  if (error instanceof EvaluationIncomplete) return { required: error.required, missing: error.missing };
  if (error instanceof OutsideFundedSet) return { rank: error.rank };
  if (error instanceof AmountAboveCallBudget) return { budget: error.budget, requested: error.requested };
  return {};
};

const kindOf = (error: FundingError): ProblemKind => {
  if (
    error instanceof NotCreated ||
    error instanceof EvaluatorNotAssigned ||
    error instanceof TrancheNotFound ||
    error instanceof CommitmentNotFound
  )
    return 'not-found';
  if (error instanceof NotTheEvaluator) return 'forbidden';
  if (error instanceof RefusedField) return 'validation';
  return 'conflict';
};

/**
 * Funding's domain errors as problems. Each `code` keeps one kind so clients can rely on it; the
 * detail is in the caller's language (Accept-Language), the English message stays in `debug`.
 * Refusals that depend on the record's state (budget left, status, thresholds) are 409.
 */
export const fundingProblems: ProblemMapper = (error, context) => {
  if (!(error instanceof FundingError)) return undefined;
  if (error instanceof ValidationFailed) return domainValidationProblem(error.issues);
  const detail = fundingMessage(error.code, context.language, params(error)) ?? error.message;
  const field = fieldOf(error);
  return new ProblemException(kindOf(error), detail, {
    code: error.code,
    debug: error.message,
    ...extensionsOf(error),
    ...(field === undefined ? {} : { errors: [{ pointer: fieldPointer(field), detail }] }),
  });
};

/** A 400 for a rule the API checks before the domain (e.g. a call naming an unknown envelope). */
export const invalidField = (field: string, reason: string): ProblemException =>
  domainValidationProblem([{ field, reason }]);
