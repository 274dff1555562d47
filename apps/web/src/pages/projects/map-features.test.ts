import { describe, expect, it } from 'vitest';
import { projectsLayer } from './map-features';

const feature = (projectId: string, region: string, point?: [number, number], areaCode = region) => ({
  type: 'Feature',
  geometry: point ? { type: 'Point', coordinates: point } : null,
  properties: {
    projectId,
    title: { fr: projectId },
    status: '2',
    regionCode: region,
    areaCode,
    commune: null,
  },
});

describe('the projects layer of the public map', () => {
  it('draws a point per located place and counts each project once per region', () => {
    const layer = projectsLayer({
      type: 'FeatureCollection',
      features: [
        feature('taroudant', 'MA-09', [-8.4667, 30.3333], 'MA-TAR'),
        feature('taroudant', 'MA-09', [-8.7928, 30.5063], 'MA-TAR'),
        feature('tiznit', 'MA-09', [-9.7316, 29.6974], 'MA-TIZ'),
        feature('oasis', 'MA-08'),
        feature('oasis', 'MA-08', undefined, 'MA-ERR'),
        feature('oasis', 'MA-09'),
      ],
    });
    expect(layer.points.map((p) => [p.projectId, p.lonLat])).toEqual([
      ['taroudant', [-8.4667, 30.3333]],
      ['taroudant', [-8.7928, 30.5063]],
      ['tiznit', [-9.7316, 29.6974]],
    ]);
    expect(Object.fromEntries(layer.projectsPerRegion)).toEqual({ 'MA-09': 3, 'MA-08': 1 });
    expect(Object.fromEntries(layer.unplacedPerRegion)).toEqual({ 'MA-08': 1, 'MA-09': 1 });
    expect(layer.points[0]?.areaCode).toBe('MA-TAR');
  });

  it('leaves out what is not a project feature and reads an answer that is not a collection as empty', () => {
    const layer = projectsLayer({
      features: [{ properties: { regionCode: 'MA-09' } }, { properties: { projectId: 'x' } }, 'junk', null],
    });
    expect(layer.points).toEqual([]);
    expect(layer.projectsPerRegion.size).toBe(0);
    expect(projectsLayer(null).points).toEqual([]);
    expect(projectsLayer('text').projectsPerRegion.size).toBe(0);
  });
});
