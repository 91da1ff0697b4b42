import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import type { Me } from '../api.js';
import { LoadError } from './LoadError.js';
import { PageLoader } from './PageLoader.js';
import { Shell } from './Shell.js';

/**
 * What a signed-in area shows while `/me` is still loading or has failed (with a retry), or null once the
 * session is known — then the area decides between its page and a redirect to sign in.
 */
export function sessionPending(me: UseQueryResult<Me | null>): ReactElement | null {
  if (me.isPending) {
    return (
      <Shell nav={null}>
        <PageLoader />
      </Shell>
    );
  }
  if (me.isError) {
    return (
      <Shell nav={null}>
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </Shell>
    );
  }
  return null;
}
