/** Prisma's error for a write that breaks a unique constraint (a concurrent twin won, or a code was taken). */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === 'P2002';

/** Runs a create that may lose to a unique constraint: null when it did, any other error thrown. */
export async function unlessTaken<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
