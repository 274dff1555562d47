import { CommandMetadata } from '@tadamon/eventsourcing';
import { InvalidTransition } from '../errors';
import { Agreement, AgreementStatus } from './agreement-state';

export const AGREEMENT = 'partnershipAgreement';

/** When and by whom: what every event of a command records. */
export const stamp = (metadata: CommandMetadata): { now: string; by: string } => ({
  now: metadata.now,
  by: metadata.actor.id,
});

export const requireStatus = (
  state: Agreement,
  commandType: string,
  allowed: readonly AgreementStatus[],
): void => {
  if (!allowed.includes(state.status)) throw new InvalidTransition(AGREEMENT, state.status, commandType);
};

/** The latest of the signature dates: the day the version entered into force. */
export const lastSignatureDate = (dates: readonly string[]): string =>
  dates.reduce((latest, d) => (d > latest ? d : latest));
