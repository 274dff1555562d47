import { Alert } from '@mantine/core';

/**
 * Says a command went through (a polite live region, read out by screen readers). Filled teal:
 * white on shade 9 is 5:1, where green's light variant falls below the 4.5:1 WCAG AA asks.
 */
export function DoneAlert(props: { children: string | null }) {
  if (!props.children) return null;
  return <Alert color="teal" variant="filled" role="status" title={props.children} />;
}
