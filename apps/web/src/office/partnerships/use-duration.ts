import { useFormatters } from '../../format/use-formatters';
import { useStrings } from '../../i18n/strings';
import { STRINGS } from './strings';
import { durationParts } from './support-durations';

/** A duration in milliseconds as the reader says it, in its digits ("3 d 4 h", "٣ يوم ٤ ساعة"). */
export function useDuration(): (ms: number) => string {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  return (ms) =>
    durationParts(ms)
      .map((part) => t(`duration.${part.unit}`, { count: part.count, formatted: format.count(part.count) }))
      .join(' ');
}
