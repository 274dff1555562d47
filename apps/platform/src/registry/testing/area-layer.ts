import { Json, PlatformClient } from './platform-client';

/**
 * A GeoJSON layer of areas read as anyone (200, application/geo+json, a FeatureCollection with the
 * outlines' attribution), keyed by area code; `properties` only, or each whole feature.
 */
export async function areaLayer(
  client: PlatformClient,
  path: string,
  query: string,
): Promise<Record<string, Json>> {
  const reply = await client.get('anonymous', `${path}?${query}`);
  expect(reply.status).toBe(200);
  expect(reply.type).toContain('application/geo+json');
  const collection = typeof reply.body === 'string' ? JSON.parse(reply.body) : reply.body;
  expect(collection).toMatchObject({ type: 'FeatureCollection', attribution: expect.stringMatching(/ODbL/) });
  return Object.fromEntries(collection.features.map((f: Json) => [f.id, f]));
}
