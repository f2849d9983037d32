import type { Reply, SandboxRequest } from './http';
import type { SandboxState } from './state';
import type { UserRecord } from './users';

export interface Call {
  request: SandboxRequest;
  state: SandboxState;
  /** The authorised caller on private paths; undefined on public ones. */
  user: UserRecord | undefined;
  /** Values of the `:name` segments of the route's path. */
  pathParams: Record<string, string>;
}

export interface Route {
  method: string;
  /** Full path; a segment `:name` matches any one segment. */
  path: string;
  handle(call: Call): Reply;
}

export type RouteMatch = { kind: 'found'; route: Route; pathParams: Record<string, string> } | { kind: 'wrong_method' } | { kind: 'none' };

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const wanted = pattern.split('/');
  const given = path.split('/');
  if (wanted.length !== given.length) return undefined;
  const pathParams: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const actual = given[index] ?? '';
    if (segment.startsWith(':')) {
      if (actual === '') return undefined;
      pathParams[segment.slice(1)] = decodeURIComponent(actual);
    } else if (segment !== actual) {
      return undefined;
    }
  }
  return pathParams;
}

/** The first route, in declaration order, whose path and method match. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  let pathKnown = false;
  for (const route of routes) {
    const pathParams = matchPath(route.path, path);
    if (!pathParams) continue;
    if (route.method === method) return { kind: 'found', route, pathParams };
    pathKnown = true;
  }
  return pathKnown ? { kind: 'wrong_method' } : { kind: 'none' };
}
