import { Card, Text } from '@mantine/core';

/** One figure of the programme, with its label above it (the home and the region pages). */
export function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}
