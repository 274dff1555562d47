import type { ProposalDto } from '../../api/generated';

export type SectorCode = NonNullable<ProposalDto['sectors']>[number];

/**
 * The OECD DAC purpose codes the platform accepts, in the order of its reference data. The type
 * check below fails the build when the generated client knows a code this list misses.
 */
export const SECTOR_CODES = [
  '11120',
  '11220',
  '11230',
  '11330',
  '12220',
  '12230',
  '12240',
  '14020',
  '14030',
  '14031',
  '14032',
  '15112',
  '15150',
  '15170',
  '15190',
  '16020',
  '16061',
  '21020',
  '23231',
  '23630',
  '23631',
  '24050',
  '25030',
  '31120',
  '31140',
  '31194',
  '32130',
  '43040',
  '72010',
] as const satisfies readonly SectorCode[];

type Missing = Exclude<SectorCode, (typeof SECTOR_CODES)[number]>;
const everyCode: [Missing] extends [never] ? true : Missing = true;
void everyCode;

export const isSectorCode = (code: string): code is SectorCode =>
  (SECTOR_CODES as readonly string[]).includes(code);
