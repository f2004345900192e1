/** The address's query parameters that keep the compared pair (to reload or share the page as it is). */
export const PAIR_PARAMS = { classical: 'classique', network: 'reseau' } as const;
export type TPairIds = { classical?: string | undefined; network?: string | undefined };
