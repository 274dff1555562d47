import { Command, DomainEvent } from '@tadamon/eventsourcing';

export const SUPPORT_KINDS = ['administrative', 'technical', 'financial'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/** The ministry's answer: advice, an introduction to an agency or CRI, or a referral to a call. */
export type SupportAnswer =
  | { readonly kind: 'advice'; readonly text: string }
  | { readonly kind: 'introduction'; readonly actorId: string; readonly note: string }
  | { readonly kind: 'referral'; readonly callId: string; readonly note: string };

export type SupportRequestDetails = {
  /** The association or local partner organisation asking (a Registry id). */
  readonly requesterId: string;
  readonly projectId: string | null;
  readonly kind: SupportKind;
  readonly subject: string;
  readonly description: string;
};

type Id = { requestId: string };

export type RequestSupport = Command<
  'RequestSupport',
  Id & Omit<SupportRequestDetails, 'projectId'> & { projectId?: string | null }
>;
export type AssignSupportRequest = Command<'AssignSupportRequest', Id & { officerId: string }>;
/** The assigned officer answers: the actor must be that officer. */
export type AnswerSupportRequest = Command<'AnswerSupportRequest', Id & { answer: SupportAnswer }>;
export type CloseSupportRequest = Command<'CloseSupportRequest', Id & { note?: string }>;
/** `requesterId`: the organisation the actor acts for, checked by the application layer. */
export type WithdrawSupportRequest = Command<
  'WithdrawSupportRequest',
  Id & { requesterId: string; reason?: string }
>;
export type SupportRequestCommand =
  RequestSupport | AssignSupportRequest | AnswerSupportRequest | CloseSupportRequest | WithdrawSupportRequest;

export type SupportRequested = DomainEvent<
  'SupportRequested',
  Id & SupportRequestDetails & { receivedAt: string; by: string }
>;
export type SupportRequestAssigned = DomainEvent<
  'SupportRequestAssigned',
  Id & { officerId: string; assignedAt: string; by: string }
>;
export type SupportRequestAnswered = DomainEvent<
  'SupportRequestAnswered',
  Id & { answer: SupportAnswer; answeredAt: string; by: string }
>;
export type SupportRequestClosed = DomainEvent<
  'SupportRequestClosed',
  Id & { note: string | null; closedAt: string; by: string }
>;
export type SupportRequestWithdrawn = DomainEvent<
  'SupportRequestWithdrawn',
  Id & { reason: string | null; withdrawnAt: string; by: string }
>;
export type SupportRequestEvent =
  | SupportRequested
  | SupportRequestAssigned
  | SupportRequestAnswered
  | SupportRequestClosed
  | SupportRequestWithdrawn;
