import { staticDocumentLoader } from '../document-loader';
import { CredentialSigner } from '../issuer';
import { generateIssuerKey, IssuerKeyMaterial } from '../keys';
import { Language, openBadgeCredential, OpenBadgeInput } from '../open-badge';
import { statusListCredential, StatusPurpose } from '../status-list';

export const ISSUER = 'https://tadamon.example/issuers/ministry';
export const ARABIC_NAME = 'فاطمة الزهراء بنعلي';
export const listUrl = (purpose: StatusPurpose, issuer = ISSUER) => `${issuer}/status/${purpose}/1`;

export function sampleInput(
  overrides: Partial<OpenBadgeInput> = {},
  language: Language = 'ar',
): OpenBadgeInput {
  return {
    id: 'urn:uuid:0f7c6f52-8a5e-4c3e-9a43-2f1f7c1b2a01',
    language,
    issuer: {
      id: ISSUER,
      name: {
        fr: 'Ministère des MRE',
        ar: 'الوزارة المكلفة بالمغاربة المقيمين بالخارج',
        en: 'Ministry for Moroccans Abroad',
      },
    },
    achievement: {
      id: 'https://tadamon.example/training/modules/gestion-associative',
      name: { fr: 'Gestion associative', ar: 'تدبير الجمعيات', en: 'Running an association' },
      description: { fr: 'Module de 20 heures', ar: 'وحدة من 20 ساعة', en: 'A 20-hour module' },
      criteria: { fr: 'Présence à 80 %', ar: 'حضور 80 في المائة', en: '80 % attendance' },
    },
    recipient: { name: ARABIC_NAME, email: 'Fatima@example.org', salt: 'c0ffee' },
    validFrom: '2026-01-01T00:00:00Z',
    validUntil: '2031-01-01T00:00:00Z',
    status: { index: 42, revocationList: listUrl('revocation'), suspensionList: listUrl('suspension') },
    ...overrides,
  };
}

/**
 * An issuer with a fresh key, its two status lists held in memory (`setStatus` re-signs one), and
 * the loader serving them.
 */
export async function sampleIssuer(
  options: { issuer?: string; otherKeys?: IssuerKeyMaterial[]; listFormat?: 'ldp' | 'jwt' } = {},
) {
  const issuer = options.issuer ?? ISSUER;
  const key = await generateIssuerKey(issuer);
  const lists = new Map<string, Record<string, unknown> | string>();
  const documentLoader = staticDocumentLoader({
    issuerKeys: [key, ...(options.otherKeys ?? [])],
    statusLists: async (url) => lists.get(url),
  });
  const signer = await CredentialSigner.create(key, documentLoader);
  const bits: Record<StatusPurpose, Set<number>> = { revocation: new Set(), suspension: new Set() };
  const publish = async (purpose: StatusPurpose) => {
    const list = await statusListCredential({
      id: listUrl(purpose, issuer),
      issuer,
      purpose,
      setIndexes: bits[purpose],
      validFrom: '2026-01-01T00:00:00Z',
    });
    lists.set(
      list.id as string,
      options.listFormat === 'jwt' ? await signer.signJwt(list) : await signer.signDataIntegrity(list),
    );
  };
  await publish('revocation');
  await publish('suspension');
  return {
    key,
    signer,
    documentLoader,
    lists,
    async setStatus(purpose: StatusPurpose, index: number, set: boolean) {
      if (set) bits[purpose].add(index);
      else bits[purpose].delete(index);
      await publish(purpose);
    },
    credential: (overrides: Partial<OpenBadgeInput> = {}) =>
      openBadgeCredential(sampleInput({ issuer: { ...sampleInput().issuer, id: issuer }, ...overrides })),
  };
}
