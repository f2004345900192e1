import { PAIR_PARAMS, type TPairIds } from './pair-params';

const RUN_ID = /^[0-9a-f-]{36}$/i;

/** The compared pair named in a page's address (ids that are not run ids are ignored). */
export function pairFromQuery(query: Record<string, string | string[] | undefined>): TPairIds {
  const id = (name: string) => {
    const value = query[name];
    return typeof value === 'string' && RUN_ID.test(value) ? value : undefined;
  };
  return { classical: id(PAIR_PARAMS.classical), network: id(PAIR_PARAMS.network) };
}
