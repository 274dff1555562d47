import {
  Method,
  PlatformClient,
  problemType,
  ROLES,
  RoleName,
  USER_OF_ROLE,
} from '../../registry/testing/platform-client';

/** A Partnerships route and who may call it ('public' when no token is needed). */
export interface PartnershipsRoute {
  method: Method;
  path: string;
  roles: readonly (RoleName | 'public')[];
}

const fill = (path: string, params: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${path}`);
    return encodeURIComponent(value);
  });

/**
 * Each role a route does not name answers 403, no token 401 (unless public): the guard answers
 * before the handler, so nothing changes.
 */
export async function expectPartnershipsGate(
  client: PlatformClient,
  routes: readonly PartnershipsRoute[],
  params: Record<string, string>,
): Promise<void> {
  const seen: Record<string, number> = {};
  const expected: Record<string, number> = {};
  for (const route of routes) {
    if (route.roles.includes('public')) continue;
    const path = fill(route.path, params);
    const body = route.method === 'POST' ? {} : undefined;
    for (const role of ROLES.filter((r) => !route.roles.includes(r))) {
      const reply = await client.call(USER_OF_ROLE[role], route.method, path, { body });
      seen[`${route.method} ${route.path} ${role}`] = reply.status;
      expected[`${route.method} ${route.path} ${role}`] = 403;
      if (reply.status === 403) expect(reply.body.type).toBe(problemType('forbidden'));
    }
    const anonymous = await client.call('anonymous', route.method, path, { body });
    seen[`${route.method} ${route.path} anonymous`] = anonymous.status;
    expected[`${route.method} ${route.path} anonymous`] = 401;
  }
  expect(seen).toEqual(expected);
}
