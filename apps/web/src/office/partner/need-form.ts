import type { PublishRegionalNeedDto } from '../../api/generated';
import { localizedBody, LocalizedTextValue } from '../forms/LocalizedTextInputs';
import type { MoneyInputValue } from '../forms/MoneyInput';
import { moneyDto } from '../association/money-body';

export const PRIORITIES = [
  'high',
  'medium',
  'low',
] as const satisfies readonly PublishRegionalNeedDto['priority'][];

export interface NeedForm {
  region: string;
  /** Optional: a province of the region ("MA-TIZ"); the need is then placed there. */
  province: string;
  sector: string;
  priority: PublishRegionalNeedDto['priority'];
  title: LocalizedTextValue;
  description: LocalizedTextValue;
  estimatedBudget: MoneyInputValue;
}

export const emptyNeed = (region = ''): NeedForm => ({
  region,
  province: '',
  sector: '',
  priority: 'medium',
  title: {},
  description: {},
  estimatedBudget: { text: '', currency: 'MAD' },
});

/**
 * The need as the API takes it: placed in the province when one is given, else in the region.
 * What is missing or malformed is sent as typed (or empty), for the platform to name the field.
 */
export function needBody(needId: string, form: NeedForm): PublishRegionalNeedDto {
  const code = (form.province.trim() || form.region).toUpperCase();
  return {
    needId,
    location: { scheme: 'iso3166-2:2015', code },
    // Chosen among SECTOR_CODES, or empty: the platform names the field.
    sector: form.sector as PublishRegionalNeedDto['sector'],
    priority: form.priority,
    title: localizedBody(form.title),
    description: localizedBody(form.description),
    estimatedBudget: moneyDto(form.estimatedBudget) ?? {
      amountMinor: 0,
      currency: form.estimatedBudget.currency as PublishRegionalNeedDto['estimatedBudget']['currency'],
    },
  };
}

export const NEED_POINTERS = [
  '/location',
  '/location/code',
  '/sector',
  '/priority',
  '/estimatedBudget',
  '/estimatedBudget/amountMinor',
  '/estimatedBudget/currency',
];
