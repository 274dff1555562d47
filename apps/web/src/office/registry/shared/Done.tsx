import { Alert } from '@mantine/core';

/** What a command did, said where the officer is looking (a polite live region). */
export function Done({ show, children }: { show: boolean; children: string }) {
  if (!show) return null;
  return (
    <Alert color="green" role="status" variant="light">
      {children}
    </Alert>
  );
}
