import { Group, Stack, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { localizedField } from '../../api/record-fields';
import { useReferenceNames } from '../../api/reference-data';
import { useFormatters } from '../../format/use-formatters';
import { usePreferences } from '../../i18n/PreferencesProvider';
import { useStrings } from '../../i18n/strings';
import { mapScale } from '../region-map/map-scale';
import classes from '../region-map/RegionMap.module.css';
import { MAP_HEIGHT, MAP_WIDTH } from '../region-map/region-shapes';
import { useRegionNames } from '../shared/use-region-names';
import type { ProjectsMapBase } from './map-base';
import type { ProjectsLayer } from './map-features';
import { STRINGS } from './strings';

/**
 * The region map (same outlines, colours and legend as /map) with the published projects: a dot
 * per located place, a link to its project; regions coloured by their count of projects, and the
 * count written in the region for those without a point. A region opens the list filtered on it.
 */
export function ProjectsMap(props: {
  base: ProjectsMapBase;
  layer: ProjectsLayer;
  onRegion(code: string): void;
}) {
  const { t } = useStrings(STRINGS);
  const { language } = usePreferences();
  const format = useFormatters();
  const navigate = useNavigate();
  const { nameOf } = useRegionNames();
  const { provinceName } = useReferenceNames();
  const countOf = (code: string) => props.layer.projectsPerRegion.get(code) ?? 0;
  const scale = mapScale(props.base.shapes.map((s) => countOf(s.region)));

  return (
    <Group align="flex-start" gap="xl">
      <svg
        className={classes.map}
        viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
        role="group"
        aria-label={t('map.label')}
      >
        {props.base.shapes.map((shape) => {
          const label = t('map.regionLabel', {
            name: nameOf(shape.region),
            count: format.count(countOf(shape.region)),
          });
          return (
            <path
              key={shape.region}
              d={shape.path}
              data-region={shape.region}
              className={classes.region}
              fill={scale.colourOf(countOf(shape.region))}
              tabIndex={0}
              role="button"
              aria-label={label}
              onClick={() => props.onRegion(shape.region)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                props.onRegion(shape.region);
              }}
            >
              <title>{label}</title>
            </path>
          );
        })}
        {[...props.layer.unplacedPerRegion].map(([region, count]) => {
          const centre = props.base.centres.get(region);
          return centre ? (
            <text
              key={`count-${region}`}
              x={centre[0]}
              y={centre[1]}
              textAnchor="middle"
              fontWeight={700}
              aria-hidden
            >
              {format.count(count)}
            </text>
          ) : null;
        })}
        {props.layer.points.map((point, index) => {
          const at = point.lonLat && props.base.project(point.lonLat);
          if (!at) return null;
          const title =
            (point.title && localizedField({ title: point.title }, 'title', language)) ?? point.projectId;
          const place = point.commune ?? provinceName(point.areaCode);
          const label = t('map.pointLabel', { title, place });
          const href = `/projects/${encodeURIComponent(point.projectId)}`;
          return (
            <a
              key={`${point.projectId}-${index}`}
              href={href}
              aria-label={label}
              data-project={point.projectId}
              onClick={(event) => {
                event.preventDefault();
                void navigate(href);
              }}
            >
              <circle cx={at[0]} cy={at[1]} r={6} fill="#e8590c" stroke="#fff" strokeWidth={1.5}>
                <title>{label}</title>
              </circle>
            </a>
          );
        })}
      </svg>
      <Stack gap="xs" component="section" aria-labelledby="projects-map-legend">
        <Title order={2} size="h5" id="projects-map-legend">
          {t('map.legend')}
        </Title>
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {scale.steps.map((step) => (
            <li key={step.from}>
              <span className={classes.swatch} style={{ background: step.colour }} aria-hidden />
              {step.from === step.to
                ? format.count(step.from)
                : t('map.range', { from: format.count(step.from), to: format.count(step.to) })}
            </li>
          ))}
          <li>
            <svg
              width="20"
              height="14"
              aria-hidden
              style={{ marginInlineEnd: '0.5rem', verticalAlign: 'middle' }}
            >
              <circle cx="10" cy="7" r="6" fill="#e8590c" stroke="#fff" strokeWidth={1.5} />
            </svg>
            {t('map.point')}
          </li>
        </ul>
      </Stack>
    </Group>
  );
}
