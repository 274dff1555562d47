import { List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { useStrings } from '../../i18n/strings';
import { EVALUATION_STEPS, EvaluationStep } from './next-step';
import { STRINGS } from './strings';

/** Where the evaluator stands: the three steps in order, the current one marked for screen readers too. */
export function EvaluationSteps(props: { step: EvaluationStep }) {
  const { t } = useStrings(STRINGS);
  const current = EVALUATION_STEPS.indexOf(props.step as (typeof EVALUATION_STEPS)[number]);
  return (
    <nav aria-label={t('steps.label')}>
      <List type="ordered" spacing={4} listStyleType="none">
        {(['declare', 'open', 'score'] as const).map((step, index) => {
          const done = current > index;
          const active = current === index;
          return (
            <List.Item
              key={step}
              aria-current={active ? 'step' : undefined}
              icon={
                <ThemeIcon size="sm" radius="xl" color={done ? 'teal.9' : active ? 'blue.8' : 'gray.7'}>
                  <Text size="xs" fw={700} c="white" aria-hidden>
                    {index + 1}
                  </Text>
                </ThemeIcon>
              }
            >
              <Text fw={active ? 700 : 400}>
                {t(`steps.${step}`)}
                {done && <VisuallyHidden> ({t('steps.completed')})</VisuallyHidden>}
                {active && <VisuallyHidden> ({t('steps.current')})</VisuallyHidden>}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </nav>
  );
}
