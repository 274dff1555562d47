import { Pagination } from '@mantine/core';
import { useStrings } from '../../../i18n/strings';
import { STRINGS as OFFICE_STRINGS } from '../../strings';

/** Pages of a list answer, when there is more than one. */
export function Pager(props: {
  page: { total: number; pageSize: number };
  value: number;
  onChange(page: number): void;
}) {
  const { t } = useStrings(OFFICE_STRINGS);
  if (props.page.total <= props.page.pageSize) return null;
  return (
    <Pagination
      total={Math.ceil(props.page.total / props.page.pageSize)}
      value={props.value}
      onChange={props.onChange}
      getControlProps={(control) => ({
        'aria-label': control === 'previous' ? t('form.previous') : t('form.next'),
      })}
    />
  );
}
