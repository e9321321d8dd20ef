/**
 * Route patterns: literal segments and `:name` parameters, `/w/:workspace/maps/:map`. The
 * parameters a pattern names are known to the type system, so a page gets `{workspace, map}`.
 */

/** The parameter names of a pattern: `'/w/:workspace/maps/:map'` gives `'workspace' | 'map'`. */
export type ParamNames<Pattern extends string> = Pattern extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : Pattern extends `${string}:${infer Name}`
    ? Name
    : never;

export type Params<Pattern extends string> = { readonly [Name in ParamNames<Pattern>]: string };

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/**
 * The parameters of `path` when it matches `pattern`, decoded; undefined when it does not.
 * A trailing slash does not matter; every segment must match.
 *
 * @example
 * matchPath('/w/:workspace/maps/:map', '/w/demo/maps/m1') // {workspace: 'demo', map: 'm1'}
 */
export function matchPath<Pattern extends string>(
  pattern: Pattern,
  path: string,
): Params<Pattern> | undefined {
  const wanted = segments(pattern);
  const given = segments(path);
  if (wanted.length !== given.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = given[index] as string;
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (segment !== value) {
      return undefined;
    }
  }
  return params as Params<Pattern>;
}

/**
 * A path from a pattern and its parameters, each encoded.
 *
 * @example
 * pathOf('/w/:workspace/maps/:map', {workspace: 'demo', map: 'a b'}) // '/w/demo/maps/a%20b'
 */
export function pathOf<Pattern extends string>(pattern: Pattern, params: Params<Pattern>): string {
  const values = params as Record<string, string>;
  return `/${segments(pattern)
    .map((segment) =>
      segment.startsWith(':') ? encodeURIComponent(values[segment.slice(1)] ?? '') : segment,
    )
    .join('/')}`;
}

/**
 * Where to go after signing in: a path inside the app, never another site (`//evil.example`
 * and `https://...` are refused), else `/`.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
