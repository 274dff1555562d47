import { foldEvents } from '@tadamon/eventsourcing';
import { agreementDecider } from './agreement';
import { AgreementEvent } from './agreement-events';
import {
  agreementId,
  drafted,
  extensionHistory,
  inForceHistory,
  now,
  officer,
  submitted,
} from './agreement.fixtures';
import { termsInForceOn } from './terms-in-force';

const stateOf = (events: AgreementEvent[]) => foldEvents(agreementDecider, events);
const versionOn = (events: AgreementEvent[], date: string) =>
  termsInForceOn(stateOf(events), date)?.version ?? null;

describe('termsInForceOn', () => {
  it('answers nothing for an agreement never drafted, or not yet signed by all', () => {
    expect(termsInForceOn(agreementDecider.initialState(), '2025-06-01')).toBeNull();
    expect(versionOn([drafted, submitted], '2025-06-01')).toBeNull();
  });
  it('gives version 1 between its start and end dates, once signed', () => {
    expect(versionOn(inForceHistory, '2025-03-31')).toBeNull();
    expect(versionOn(inForceHistory, '2025-04-01')).toBe(1);
    expect(versionOn(inForceHistory, '2027-12-31')).toBe(1);
    expect(versionOn(inForceHistory, '2028-01-01')).toBeNull();
  });
  it('gives version 1 before the amendment took effect and version 2 from that day', () => {
    expect(versionOn(extensionHistory, '2026-06-14')).toBe(1);
    expect(versionOn(extensionHistory, '2026-06-15')).toBe(2);
    expect(termsInForceOn(stateOf(extensionHistory), '2028-06-30')?.terms.endDate).toBe('2028-12-31');
  });
  it('says who signed the version in force, and when', () => {
    const version = termsInForceOn(stateOf(extensionHistory), '2026-07-01');
    expect(version?.signatures.map((s) => [s.partyId, s.signatoryId, s.signedOn])).toContainEqual([
      'iom',
      'iom-signatory',
      '2026-06-15',
    ]);
  });
  it('gives nothing from the day a termination takes effect', () => {
    const terminated: AgreementEvent = {
      type: 'AgreementTerminated',
      data: { agreementId, reason: 'faute grave', effectiveOn: '2026-01-01', terminatedAt: now, by: officer },
    };
    expect(versionOn([...inForceHistory, terminated], '2025-12-31')).toBe(1);
    expect(versionOn([...inForceHistory, terminated], '2026-01-01')).toBeNull();
  });
});
