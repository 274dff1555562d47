import {
  ApiRecord,
  numberField,
  recordField,
  recordListField,
  textField,
  textListField,
} from '../../api/record-fields';

export interface VersionSignature {
  partyId: string;
  signatoryId: string | undefined;
  signedOn: string | undefined;
}

/** One column of the versions side by side: a version in force, the one awaiting signatures, a withdrawn one. */
export interface VersionColumn {
  version: number;
  amendmentId: string | null;
  kind: string;
  state: 'in-force' | 'awaiting-signatures' | 'withdrawn';
  reason: string | undefined;
  differences: string[];
  startDate: string | undefined;
  endDate: string | undefined;
  /** Every signatory in order, with its signature when it signed. */
  signatories: { partyId: string; signature: VersionSignature | undefined }[];
  awaiting: string[];
  effectiveOn: string | undefined;
  withdrawalReason: string | undefined;
}

const column = (entry: ApiRecord, state: VersionColumn['state']): VersionColumn => {
  const signatures = recordListField(entry, 'signatures').map((s) => ({
    partyId: textField(s, 'partyId') ?? '',
    signatoryId: textField(s, 'signatoryId'),
    signedOn: textField(s, 'signedOn'),
  }));
  const terms = recordField(entry, 'terms') ?? {};
  return {
    version: numberField(entry, 'version') ?? 0,
    amendmentId: textField(entry, 'amendmentId') ?? null,
    kind: textField(entry, 'kind') ?? 'original',
    state,
    reason: textField(entry, 'reason'),
    differences: textListField(entry, 'differences'),
    startDate: textField(terms, 'startDate'),
    endDate: textField(terms, 'endDate'),
    signatories: textListField(entry, 'signatories').map((partyId) => ({
      partyId,
      signature: signatures.find((s) => s.partyId === partyId),
    })),
    awaiting: textListField(entry, 'awaiting'),
    effectiveOn: textField(entry, 'effectiveOn'),
    withdrawalReason: textField(recordField(entry, 'withdrawal') ?? {}, 'reason'),
  };
};

/**
 * The agreement's versions in version order, as the page sets them side by side: those in force,
 * the one awaiting signatures (the draft's version 1 during negotiation, or an amendment), those
 * withdrawn.
 */
export function versionColumns(agreement: ApiRecord): VersionColumn[] {
  const pending = recordField(agreement, 'pending');
  return [
    ...recordListField(agreement, 'versions').map((v) => column(v, 'in-force')),
    ...(pending ? [column(pending, 'awaiting-signatures')] : []),
    ...recordListField(agreement, 'withdrawn').map((v) => column(v, 'withdrawn')),
  ].sort((a, b) => a.version - b.version);
}

/** The version awaiting signatures, if any: what a signature is for. */
export const pendingVersion = (agreement: ApiRecord): VersionColumn | undefined =>
  versionColumns(agreement).find((v) => v.state === 'awaiting-signatures');

/** Whether the signed-in organisation is a signatory of the pending version that has not signed yet. */
export const awaitsSignatureOf = (agreement: ApiRecord, organisationId: string | null | undefined) => {
  const pending = pendingVersion(agreement);
  return !!pending && !!organisationId && pending.awaiting.includes(organisationId);
};
