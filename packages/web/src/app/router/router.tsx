/**
 * A small router over the History API: the location as React state, `navigate`, `<Link>` (a
 * real `<a href>` whose plain clicks stay in the app) and a route table matched in order.
 */
import {
  type AnchorHTMLAttributes,
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { matchPath, type Params } from './match.ts';

export interface RouteLocation {
  pathname: string;
  search: string;
}

interface RouterValue {
  location: RouteLocation;
  /** Navigations inside the app so far; 0 on the page's first load (focus moves only after one). */
  navigations: number;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterValue | undefined>(undefined);

function currentLocation(): RouteLocation {
  return { pathname: window.location.pathname, search: window.location.search };
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(() => ({ location: currentLocation(), navigations: 0 }));

  useEffect(() => {
    const onPopState = () =>
      setState((previous) => ({ location: currentLocation(), navigations: previous.navigations + 1 }));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((to: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
    setState((previous) => ({ location: currentLocation(), navigations: previous.navigations + 1 }));
  }, []);

  const value = useMemo(() => ({ ...state, navigate }), [state, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter needs a RouterProvider above it');
  return value;
}

/** A query parameter of the current location. */
export function useSearchParam(name: string): string | null {
  return new URLSearchParams(useRouter().location.search).get(name);
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** An `<a href>`: plain clicks navigate inside the app; modified clicks open tabs as usual. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { navigate } = useRouter();
  return (
    <a
      {...rest}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
        const elsewhere = (rest.target && rest.target !== '_self') || rest.download !== undefined;
        if (event.defaultPrevented || event.button !== 0 || modified || elsewhere) return;
        event.preventDefault();
        navigate(to);
      }}
    />
  );
}

/** Replaces the current location with `to` once rendered. */
export function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

export interface Route {
  path: string;
  /** What the route shows at `pathname`, or undefined when it does not match. */
  render(pathname: string): ReactNode | undefined;
}

/**
 * A route of the table: its pattern and what it shows, given the pattern's parameters.
 *
 * @example
 * route('/w/:workspace/maps/:map', ({ workspace, map }) => <MapPage workspace={workspace} map={map} />)
 */
export function route<Pattern extends string>(
  path: Pattern,
  render: (params: Params<Pattern>) => ReactNode,
): Route {
  return {
    path,
    render(pathname) {
      const params = matchPath(path, pathname);
      return params === undefined ? undefined : render(params);
    },
  };
}

/** The first route of `routes` that matches the location, else `fallback`. */
export function Routes({ routes, fallback }: { routes: readonly Route[]; fallback: ReactNode }) {
  const { pathname } = useRouter().location;
  for (const candidate of routes) {
    const shown = candidate.render(pathname);
    // Keyed by the path: another map or workspace is a new page, with none of the last one's state.
    if (shown !== undefined) return <Fragment key={pathname}>{shown}</Fragment>;
  }
  return <Fragment key={pathname}>{fallback}</Fragment>;
}
