import { Alert, Anchor, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { RegionAggregateDto } from '../../api/generated';
import { regionFiguresQuery } from '../../api/queries';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { mapScale, ScaleStep } from './map-scale';
import classes from './RegionMap.module.css';
import { loadRegionShapes, MAP_HEIGHT, MAP_WIDTH, RegionShape } from './region-shapes';

export type MapMeasure = 'associations' | 'openNeeds';

export const regionShapesQuery = {
  queryKey: ['map', 'region-shapes'] as const,
  queryFn: loadRegionShapes,
  staleTime: Infinity,
};

/** The map of Morocco's 12 regions, coloured by verified associations or open needs. */
export function RegionMapPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const measure: MapMeasure = params.get('measure') === 'openNeeds' ? 'openNeeds' : 'associations';
  const figures = useQuery(regionFiguresQuery);
  const shapes = useQuery(regionShapesQuery);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('map.title')}</Title>
        <Text c="dimmed">{t('map.intro')}</Text>
      </div>
      <SegmentedControl
        aria-label={t('map.measure')}
        value={measure}
        onChange={(value) => setParams(value === 'openNeeds' ? { measure: value } : {}, { replace: true })}
        data={[
          { value: 'associations', label: t('map.associations') },
          { value: 'openNeeds', label: t('map.openNeeds') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {(figures.isPending || shapes.isPending) && <Loader aria-label={t('map.loading')} />}
      {(figures.isError || shapes.isError) && <Alert color="red" title={t('map.error')} />}
      {figures.data && shapes.data && (
        <RegionMap shapes={shapes.data} figures={figures.data} measure={measure} />
      )}
      <Text size="xs" c="dimmed">
        {t('map.attribution.before')}{' '}
        <Anchor href="https://github.com/yousfiSaad/morocco-map" size="xs">
          morocco-map
        </Anchor>{' '}
        {t('map.attribution.licence')}{' '}
        <Anchor href="https://opendatacommons.org/licenses/odbl/1-0/" size="xs">
          Open Database License (ODbL) 1.0
        </Anchor>
        . {t('map.attribution.names')}
      </Text>
    </Stack>
  );
}

function RegionMap(props: { shapes: RegionShape[]; figures: RegionAggregateDto[]; measure: MapMeasure }) {
  const { t } = useTranslation();
  const { language } = usePreferences();
  const format = useFormatters();
  const navigate = useNavigate();
  const byCode = new Map(props.figures.map((f) => [f.region, f]));
  const figureOf = (code: string) => byCode.get(code)?.[props.measure] ?? 0;
  const scale = mapScale(props.shapes.map((s) => figureOf(s.region)));
  const open = (code: string) => void navigate(`/regions/${code}`);
  const onKey = (code: string) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    open(code);
  };

  return (
    <Group align="flex-start" gap="xl">
      <svg
        className={classes.map}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-label={t('map.label', { measure: t(`map.${props.measure}`) })}
      >
        {props.shapes.map((shape) => {
          const name = byCode.get(shape.region)?.names[language] ?? shape.region;
          const label = t(`map.regionLabel.${props.measure}`, {
            name,
            figure: format.count(figureOf(shape.region)),
          });
          return (
            <path
              key={shape.region}
              d={shape.path}
              data-region={shape.region}
              className={classes.region}
              fill={scale.colourOf(figureOf(shape.region))}
              tabIndex={0}
              role="link"
              aria-label={label}
              onClick={() => open(shape.region)}
              onKeyDown={onKey(shape.region)}
            >
              <title>{label}</title>
            </path>
          );
        })}
      </svg>
      <Legend steps={scale.steps} measure={props.measure} />
    </Group>
  );
}

function Legend({ steps, measure }: { steps: ScaleStep[]; measure: MapMeasure }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="map-legend">
      <Title order={2} size="h5" id="map-legend" mb="xs">
        {t(`map.${measure}`)}
      </Title>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {steps.map((step) => (
          <li key={step.from}>
            <span className={classes.swatch} style={{ background: step.colour }} aria-hidden />
            {step.from === step.to
              ? format.count(step.from)
              : t('map.range', { from: format.count(step.from), to: format.count(step.to) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
