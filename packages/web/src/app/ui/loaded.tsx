/** What a page shows of a resource: loading, its error with a retry, or the data. */
import type { ReactNode } from 'react';
import { ErrorNotice } from './errors.tsx';
import { Loading } from './shell.tsx';
import type { Resource } from './use-resource.ts';

/**
 * @example
 * const maps = useResource(`maps/${slug}`, (signal) => api.maps(slug, signal));
 * <Loaded resource={maps}>{(cards) => <MapCards cards={cards} />}</Loaded>
 */
export function Loaded<T>({
  resource,
  children,
}: {
  resource: Resource<T>;
  children: (data: T) => ReactNode;
}) {
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'failed') return <ErrorNotice error={resource.error} onRetry={resource.reload} />;
  return <>{children(resource.data)}</>;
}
