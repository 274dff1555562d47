import { Alert, Loader } from '@mantine/core';
import { asProblem } from '../../../api/problem';
import { useStrings } from '../../../i18n/strings';
import { STRINGS } from '../strings';

/** A query still loading or failed: the loader, or what the platform answered. */
export function QueryState(props: { query: { isPending: boolean; isError: boolean; error: unknown } }) {
  const { t } = useStrings(STRINGS);
  if (props.query.isPending) return <Loader aria-label={t('loading')} />;
  if (props.query.isError) {
    const problem = asProblem(props.query.error);
    return (
      <Alert color="red" role="alert" title={t('loadError')}>
        {problem.detail ?? problem.title}
      </Alert>
    );
  }
  return null;
}
