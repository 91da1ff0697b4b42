import { QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { ApiError, fetchMe, type Me } from './api.js';

/** The one query cache of the app. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (count, err) => count < 2 && !(err instanceof ApiError && err.status >= 400 && err.status < 500),
    },
  },
});

export const meKey = ['me'] as const;

/** The signed-in user (`null` when nobody is), shared by every page that needs it. */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal) });
}

/** After a login: load the new session into the cache before navigating, so guards see it at once. */
export async function refreshSession(): Promise<Me | null> {
  const me = await fetchMe();
  queryClient.setQueryData(meKey, me);
  return me;
}

/** After a logout: forget the session and everything loaded under it. */
export function clearSession(): void {
  queryClient.clear();
  queryClient.setQueryData(meKey, null);
}
