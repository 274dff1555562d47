import type { AgreementPartyDto, DraftAgreementDto } from '../../api/generated';
import { moneyDto } from '../association/money-body';
import type { MoneyInputValue } from '../forms/MoneyInput';
import { localizedBody, LocalizedTextValue } from '../forms/LocalizedTextInputs';

export type PartyKind = AgreementPartyDto['partyKind'];
export type PartyRole = AgreementPartyDto['roles'][number];

export const PARTY_KINDS: readonly PartyKind[] = [
  'ministry',
  'association',
  'development-agency',
  'regional-investment-centre',
  'elected-council',
  'funder',
  'local-association',
];
export const PARTY_ROLES: readonly PartyRole[] = [
  'funding',
  'accountable',
  'extending',
  'implementing',
  'technical',
];

export interface PartyForm {
  partyId: string;
  partyKind: PartyKind;
  roles: PartyRole[];
  commitment: MoneyInputValue;
}

export interface AgreementDraftForm {
  object: LocalizedTextValue;
  parties: PartyForm[];
  startDate: string;
  endDate: string;
  sectors: string[];
  regions: string[];
}

export const emptyParty = (partyKind: PartyKind = 'association'): PartyForm => ({
  partyId: '',
  partyKind,
  roles: [],
  commitment: { text: '', currency: 'MAD' },
});

/** A new draft starts with the ministry, accountable, and one more party to name. */
export const emptyDraft = (): AgreementDraftForm => ({
  object: {},
  parties: [
    { ...emptyParty('ministry'), partyId: 'actor-ministry', roles: ['funding', 'accountable'] },
    emptyParty(),
  ],
  startDate: '',
  endDate: '',
  sectors: [],
  regions: [],
});

/**
 * The draft as the API takes it: blank languages dropped, a party's amount as a money commitment
 * (none when left blank; what is typed wrong goes as typed so the platform names the field).
 */
export function draftBody(agreementId: string, form: AgreementDraftForm): DraftAgreementDto {
  return {
    agreementId,
    object: localizedBody(form.object),
    parties: form.parties.map((party) => {
      const amount = moneyDto(party.commitment);
      const typed = party.commitment.text.trim() !== '';
      return {
        partyId: party.partyId.trim(),
        partyKind: party.partyKind,
        roles: party.roles,
        commitments: typed
          ? [
              {
                kind: 'money' as const,
                amount: amount ?? {
                  amountMinor: Number.NaN,
                  currency: party.commitment.currency as NonNullable<
                    DraftAgreementDto['parties'][number]['commitments'][number]['amount']
                  >['currency'],
                },
              },
            ]
          : [],
      };
    }),
    startDate: form.startDate,
    endDate: form.endDate,
    sectors: form.sectors,
    regions: form.regions.map((code) => ({ scheme: 'iso3166-2:2015' as const, code })),
  };
}
