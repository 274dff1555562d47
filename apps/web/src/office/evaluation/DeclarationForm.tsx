import { Button, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { evaluationsControllerDeclare } from '../../api/generated';
import { useCommand } from '../../api/use-command';
import { useStrings } from '../../i18n/strings';
import { CommandAlert } from '../forms/CommandAlert';
import { assignmentsQuery } from './queries';
import { STRINGS } from './strings';

/** Step 1: the evaluator says, on their honour, whether they have a conflict of interest. */
export function DeclarationForm(props: { applicationId: string; onDeclared(hasConflict: boolean): void }) {
  const { t } = useStrings(STRINGS);
  const [choice, setChoice] = useState<'no-conflict' | 'conflict'>('no-conflict');
  const [statement, setStatement] = useState('');
  const declare = useCommand({
    run: async (body: { hasConflict: boolean; statement: string }, headers) =>
      (
        await evaluationsControllerDeclare({
          path: { applicationId: props.applicationId },
          body,
          headers,
          throwOnError: true,
        })
      ).data,
    invalidates: [assignmentsQuery.queryKey],
    onSuccess: (_result, body) => props.onDeclared(body.hasConflict),
  });
  return (
    <section aria-labelledby="declaration-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="declaration-title">
          {t('declaration.title')}
        </Title>
        <Text>{t('declaration.intro')}</Text>
        <CommandAlert command={declare} claimed={['/hasConflict', '/statement']} />
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void declare.submit({ hasConflict: choice === 'conflict', statement: statement.trim() });
          }}
        >
          <Stack gap="sm">
            <Radio.Group
              label={t('declaration.choice')}
              value={choice}
              onChange={(value) => setChoice(value === 'conflict' ? 'conflict' : 'no-conflict')}
              error={declare.fieldError('/hasConflict')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="no-conflict" label={t('declaration.noConflict')} />
                <Radio value="conflict" label={t('declaration.conflict')} />
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('declaration.statement')}
              description={t('declaration.statementHint')}
              required
              autosize
              minRows={2}
              maxLength={5000}
              value={statement}
              onChange={(event) => setStatement(event.currentTarget.value)}
              error={declare.fieldError('/statement')}
            />
            <div>
              <Button type="submit" loading={declare.pending}>
                {t('declaration.submit')}
              </Button>
            </div>
          </Stack>
        </form>
      </Stack>
    </section>
  );
}
