import { Button, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { decisionsControllerDecideAppeal } from '../../api/generated';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { STRINGS } from './strings';
import { useDecisionCommand } from './use-decision-command';

/** The committee decides a pending appeal: upheld (it decides again) or dismissed, with reasons. */
export function AppealForm(props: {
  applicationId: string;
  callId: string;
  revision: number | undefined;
  grounds: string | undefined;
  onDone(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [outcome, setOutcome] = useState('dismissed');
  const [rationale, setRationale] = useState('');
  const decide = useDecisionCommand(
    props,
    async (body: { upheld: boolean; rationale: string }, headers) =>
      (
        await decisionsControllerDecideAppeal({
          path: { applicationId: props.applicationId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    () => {
      props.onDone();
    },
  );
  return (
    <section aria-labelledby="appeal-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void decide.submit({ upheld: outcome === 'upheld', rationale: rationale.trim() });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="appeal-title">
            {t('appeal.title')}
          </Title>
          {props.grounds && (
            <Text>{t('labelled', { label: t('appeal.grounds'), value: props.grounds })}</Text>
          )}
          <CommandAlert command={decide} claimed={['/upheld', '/rationale']} />
          <Radio.Group
            label={t('appeal.choice')}
            value={outcome}
            onChange={setOutcome}
            error={decide.fieldError('/upheld')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="upheld" label={t('appeal.upheld')} />
              <Radio value="dismissed" label={t('appeal.dismissed')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('appeal.rationale')}
            required
            autosize
            minRows={2}
            maxLength={5000}
            value={rationale}
            onChange={(event) => setRationale(event.currentTarget.value)}
            error={decide.fieldError('/rationale')}
          />
          <div>
            <Button type="submit" loading={decide.pending}>
              {t('appeal.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
