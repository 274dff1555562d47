import { Alert } from '@mantine/core';

/**
 * What a command did, said where the user is looking once it is done: a polite live region, so a
 * screen reader announces it. Filled teal: white on shade 9 keeps WCAG AA (a light green alert did not).
 */
export function DoneNotice(props: { message: string | null | false | undefined }) {
  if (!props.message) return null;
  return <Alert color="teal.9" variant="filled" role="status" title={props.message} />;
}
