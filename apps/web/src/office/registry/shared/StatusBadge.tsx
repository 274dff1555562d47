import { Badge } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

const COLORS: Record<string, string> = {
  submitted: 'yellow.9',
  verified: 'green.9',
  open: 'blue.9',
  matched: 'green.9',
  active: 'green.9',
};

/** A record's status in the reader's words. */
export function StatusBadge({ status }: { status: string | undefined }) {
  const { t } = useStrings(STRINGS);
  if (!status) return null;
  return (
    <Badge color={COLORS[status] ?? 'gray.8'} variant="filled">
      {t(`status.${status}`, { defaultValue: status })}
    </Badge>
  );
}
