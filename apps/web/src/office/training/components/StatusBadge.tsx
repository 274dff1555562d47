import { Badge } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

/** Gray 9 and the other shades 9: readable under white (axe); the words say the status. */
const COLOURS: Record<string, string> = {
  'enrolment-open': 'teal.9',
  'enrolment-closed': 'blue.9',
  held: 'grape.9',
  closed: 'gray.9',
  cancelled: 'red.9',
  active: 'teal.9',
  suspended: 'grape.9',
  revoked: 'red.9',
};

export function StatusBadge(props: { kind: 'session' | 'certificate'; status: string }) {
  const { t } = useStrings(STRINGS);
  return (
    <Badge color={COLOURS[props.status] ?? 'blue.9'}>
      {t(`${props.kind}Status.${props.status}`, { defaultValue: props.status })}
    </Badge>
  );
}
