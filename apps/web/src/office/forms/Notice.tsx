import { Paper, Stack, Text } from '@mantine/core';
import { ReactNode } from 'react';

/**
 * A bordered notice with its title in an exact dark shade: Mantine's Alert writes its title in the
 * variant's colour, under WCAG AA's 4.5:1 on its tint (axe, the browser tests).
 */
export function Notice(props: {
  tone: 'success' | 'danger';
  title?: string;
  role?: 'alert' | 'status';
  children?: ReactNode;
}) {
  const colour = props.tone === 'success' ? 'teal.9' : 'red.9';
  return (
    <Paper
      withBorder
      p="sm"
      role={props.role}
      style={{ borderColor: `var(--mantine-color-${colour.replace('.', '-')})` }}
    >
      <Stack gap={4}>
        {props.title && (
          <Text fw={700} c={colour}>
            {props.title}
          </Text>
        )}
        {props.children}
      </Stack>
    </Paper>
  );
}
