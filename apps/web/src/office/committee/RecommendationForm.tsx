import { Button, Radio, Stack, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { decisionsControllerRecommend } from '../../api/generated';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { STRINGS } from './strings';
import { useDecisionCommand } from './use-decision-command';

/** The committee recommends a scored application for funding, or not, with its rationale. */
export function RecommendationForm(props: {
  applicationId: string;
  callId: string;
  revision: number | undefined;
  onDone(): void;
}) {
  const { t } = useStrings(STRINGS);
  const [recommended, setRecommended] = useState('yes');
  const [rationale, setRationale] = useState('');
  const recommend = useDecisionCommand(
    props,
    async (body: { recommended: boolean; rationale: string }, headers) =>
      (
        await decisionsControllerRecommend({
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
    <section aria-labelledby="recommendation-title">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void recommend.submit({ recommended: recommended === 'yes', rationale: rationale.trim() });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h3" id="recommendation-title">
            {t('recommendation.title')}
          </Title>
          <CommandAlert command={recommend} claimed={['/recommended', '/rationale']} />
          <Radio.Group
            label={t('recommendation.choice')}
            value={recommended}
            onChange={setRecommended}
            error={recommend.fieldError('/recommended')}
          >
            <Stack gap={6} mt={6}>
              <Radio value="yes" label={t('recommendation.yes')} />
              <Radio value="no" label={t('recommendation.no')} />
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('recommendation.rationale')}
            required
            autosize
            minRows={2}
            maxLength={5000}
            value={rationale}
            onChange={(event) => setRationale(event.currentTarget.value)}
            error={recommend.fieldError('/rationale')}
          />
          <div>
            <Button type="submit" loading={recommend.pending}>
              {t('recommendation.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </section>
  );
}
