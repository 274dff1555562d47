import { Paper, Stack, Title } from '@mantine/core';
import { ReactNode, useId } from 'react';

/** A titled part of a page (a region named by its h2, for screen readers' landmarks). */
export function Section(props: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {props.title}
        </Title>
        {props.children}
      </Stack>
    </Paper>
  );
}
