import { createHash, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { PrismaClient } from './generated/prisma/client';

/** bcrypt cost for passwords and PINs. */
export const BCRYPT_COST = 10;
/** How long a login session (token and cookie) stays valid: the one definition, used by the API too. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function hashSecret(secret: string): Promise<string> {
  return bcrypt.hash(secret, BCRYPT_COST);
}

export function verifySecret(secret: string, hash: string): Promise<boolean> {
  return bcrypt.compare(secret, hash);
}

/** A new random session token (32 bytes, base64url); only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Session.tokenHash: SHA-256 (hex) of the token. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** "Léa " and "léa" are the same student of a class (User.displayKey). */
export function displayKeyOf(displayName: string): string {
  return displayName.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr-FR');
}

/** Stores a new session for the user and returns its bearer token (also the cookie value). */
export async function createSession(
  prisma: PrismaClient,
  userId: string,
  ttlMs: number = SESSION_TTL_MS,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + ttlMs);
  await prisma.session.create({ data: { userId, tokenHash: hashSessionToken(token), expiresAt } });
  return { token, expiresAt };
}
