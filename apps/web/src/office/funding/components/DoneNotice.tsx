import { Alert } from '@mantine/core';

/** What a command did, said once it is done (a live region: screen readers announce it). */
export function DoneNotice(props: { message: string | null }) {
  if (!props.message) return null;
  return (
    <Alert color="green" role="status" variant="light">
      {props.message}
    </Alert>
  );
}
