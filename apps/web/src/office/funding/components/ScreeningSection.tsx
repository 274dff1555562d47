import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { applicationsControllerScreen } from '../../../api/generated';
import { ApiRecord, textField } from '../../../api/record-fields';
import { useCommand } from '../../../api/use-command';
import { useFormatters } from '../../../format/use-formatters';
import { useStrings } from '../../../i18n/strings';
import { useRegionNames } from '../../../pages/shared/use-region-names';
import { CommandAlert } from '../../forms/CommandAlert';
import { STRINGS } from '../strings';
import { Notice } from '../../forms/Notice';

const records = (value: unknown): ApiRecord[] =>
  Array.isArray(value) ? value.filter((v): v is ApiRecord => v !== null && typeof v === 'object') : [];

/** A value a rule compared (a status, codes, a percent, an amount) as the reader reads it. */
function useCheckValue() {
  const format = useFormatters();
  const { nameOf } = useRegionNames();
  const show = (value: unknown, rule: string): string => {
    if (value === null || value === undefined) return '—';
    if (Array.isArray(value)) return value.map((v) => show(v, rule)).join(', ');
    if (typeof value === 'number')
      return rule === 'co-financing' ? format.percent(value) : format.count(value);
    if (typeof value === 'object') {
      const money = value as ApiRecord;
      const currency = textField(money, 'currency');
      const minor = money['amountMinor'];
      if (currency && (typeof minor === 'number' || typeof minor === 'string'))
        return format.money(minor, currency);
      return JSON.stringify(value);
    }
    const text = String(value);
    if (rule === 'origin-region') return nameOf(text);
    if (rule === 'host-country') return format.country(text);
    return text;
  };
  return show;
}

/**
 * Screening a submitted application against the call's rules, and its outcome: every rule's
 * check, what the call expects and what the application shows, the failed ones as the reasons.
 */
export function ScreeningSection(props: {
  application: ApiRecord;
  revision?: number;
  invalidates: readonly (readonly unknown[])[];
  onDone(message: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const show = useCheckValue();
  const applicationId = textField(props.application, 'applicationId') ?? '';
  const status = textField(props.application, 'status');
  const checks = Array.isArray(props.application['screening'])
    ? records(props.application['screening'])
    : null;
  const screen = useCommand({
    run: async (_: void, headers) =>
      (await applicationsControllerScreen({ path: { applicationId }, headers, throwOnError: true })).data,
    ifMatch: props.revision,
    invalidates: props.invalidates.map((key) => [...key]),
    onSuccess: () => props.onDone(t('screening.done')),
  });
  const failed = checks?.filter((check) => check['passed'] !== true) ?? [];
  return (
    <section aria-labelledby="application-screening">
      <Title order={2} size="h3" id="application-screening" mb="xs">
        {t('screening.title')}
      </Title>
      <Stack gap="xs">
        {checks === null ? (
          <Text c="dimmed">{t('screening.notYet')}</Text>
        ) : (
          <Notice
            tone={failed.length === 0 ? 'success' : 'danger'}
            title={
              failed.length === 0
                ? t('screening.eligible')
                : t('screening.ineligible', { count: failed.length })
            }
          >
            <List spacing={4} size="sm">
              {checks.map((check) => {
                const rule = textField(check, 'rule') ?? '';
                return (
                  <List.Item key={rule}>
                    {t(check['passed'] === true ? 'screening.passed' : 'screening.failed', {
                      rule: t(`screening.rules.${rule}`, { defaultValue: rule }),
                      expected: show(check['expected'], rule),
                      actual: show(check['actual'], rule),
                    })}
                  </List.Item>
                );
              })}
            </List>
          </Notice>
        )}
        {status === 'submitted' && (
          <>
            <CommandAlert command={screen} />
            <Group>
              <Button loading={screen.pending} onClick={() => void screen.submit()}>
                {t('screening.screen')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </section>
  );
}
