import { Badge } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

// White on shade 9 of these reaches WCAG AA (4.5:1); Mantine's green 9 and yellow 9 do not.
const COLORS: Record<string, string> = {
  submitted: 'grape.9',
  verified: 'teal.9',
  open: 'blue.9',
  matched: 'teal.9',
  active: 'teal.9',
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
