import { Box, Group, Text } from '@mantine/core';
import { useId } from 'react';
import { useFormatters } from '../../../format/use-formatters';
import { usePreferences } from '../../../i18n/PreferencesProvider';
import { useStrings } from '../../../i18n/strings';
import { ChartPeriod, chartLayout } from '../progress-chart';
import { STRINGS } from '../strings';

const GEOMETRY = { width: 480, height: 220, padding: { top: 12, right: 12, bottom: 32, left: 56 } };
const TARGET = 'var(--mantine-color-blue-9)';
const ACTUAL = 'var(--mantine-color-teal-8)';
const BASELINE = 'var(--mantine-color-gray-8)';

function Swatch(props: { colour: string; dashed?: boolean; filled?: boolean }) {
  return (
    <svg width="18" height="12" aria-hidden="true">
      {props.dashed ? (
        <line x1="0" y1="6" x2="18" y2="6" stroke={props.colour} strokeWidth="2" strokeDasharray="4 3" />
      ) : (
        <rect
          x="1"
          y="1"
          width="16"
          height="10"
          fill={props.filled ? props.colour : 'none'}
          stroke={props.colour}
          strokeWidth="2"
        />
      )}
    </svg>
  );
}

/**
 * An indicator's progress against its targets: per target period an outlined bar to the target and
 * a filled bar to the approved value, the baseline dashed across. Drawn from the start edge (right
 * in Arabic); the numbers are also in the table beside it, for whoever does not see the chart.
 */
export function ProgressChart(props: { title: string; baseline: number; periods: readonly ChartPeriod[] }) {
  const { t } = useStrings(STRINGS);
  const format = useFormatters();
  const { language } = usePreferences();
  const titleId = useId();
  const rtl = language === 'ar';
  const { width, height, padding } = GEOMETRY;
  const layout = chartLayout(props.baseline, props.periods, GEOMETRY);
  const edge = (x: number) => (rtl ? width - x : x);
  const axisX = edge(padding.left);
  const bottom = layout.y(0);
  const summary = props.periods
    .map((p) =>
      t('chart.period', {
        period: p.label,
        target: format.count(p.target),
        actual: p.actual === null ? t('chart.noneApproved') : format.count(p.actual),
      }),
    )
    .join(' ');
  return (
    <Box>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width, direction: 'ltr' }}
        role="img"
        aria-labelledby={titleId}
      >
        <title id={titleId}>
          {t('chart.title', { indicator: props.title, baseline: format.count(props.baseline) })} {summary}
        </title>
        {layout.ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={edge(padding.left)}
              x2={edge(width - padding.right)}
              y1={layout.y(tick)}
              y2={layout.y(tick)}
              stroke="var(--mantine-color-gray-3)"
            />
            <text
              x={rtl ? axisX + 6 : axisX - 6}
              y={layout.y(tick) + 4}
              textAnchor={rtl ? 'start' : 'end'}
              fontSize="12"
              fill="var(--mantine-color-text)"
            >
              {format.count(tick)}
            </text>
          </g>
        ))}
        {props.periods.map((period, i) => {
          const centre = edge(layout.x(i));
          const targetWidth = layout.band * 0.5;
          const actualWidth = layout.band * 0.28;
          return (
            <g key={period.label + i}>
              <rect
                x={centre - targetWidth / 2}
                y={layout.y(period.target)}
                width={targetWidth}
                height={Math.max(bottom - layout.y(period.target), 0)}
                fill="none"
                stroke={TARGET}
                strokeWidth="2"
              />
              {period.actual !== null && (
                <rect
                  x={centre - actualWidth / 2}
                  y={layout.y(period.actual)}
                  width={actualWidth}
                  height={Math.max(bottom - layout.y(period.actual), 0)}
                  fill={ACTUAL}
                />
              )}
              <text
                x={centre}
                y={height - 10}
                textAnchor="middle"
                fontSize="12"
                fill="var(--mantine-color-text)"
              >
                {period.label}
              </text>
            </g>
          );
        })}
        <line
          x1={edge(padding.left)}
          x2={edge(width - padding.right)}
          y1={layout.y(props.baseline)}
          y2={layout.y(props.baseline)}
          stroke={BASELINE}
          strokeWidth="2"
          strokeDasharray="6 4"
        />
      </svg>
      <Group gap="md" mt={4}>
        <Group gap={4}>
          <Swatch colour={TARGET} />
          <Text size="sm">{t('chart.target')}</Text>
        </Group>
        <Group gap={4}>
          <Swatch colour={ACTUAL} filled />
          <Text size="sm">{t('chart.actual')}</Text>
        </Group>
        <Group gap={4}>
          <Swatch colour={BASELINE} dashed />
          <Text size="sm">{t('chart.baseline', { value: format.count(props.baseline) })}</Text>
        </Group>
      </Group>
    </Box>
  );
}
