import { SESSION_COOKIE } from '@dlclass/contracts';

/** Reads one cookie from a raw Cookie header (Socket.IO handshakes have no cookie-parser). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token of a request: `Authorization: Bearer …` first, then the session cookie. */
export function extractToken(input: {
  authorization?: string | undefined;
  cookieHeader?: string | undefined;
  cookies?: Record<string, unknown> | undefined;
}): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(input.authorization ?? '');
  if (match?.[1]) return match[1];
  const fromParsed = input.cookies?.[SESSION_COOKIE];
  if (typeof fromParsed === 'string' && fromParsed.length > 0) return fromParsed;
  return readCookie(input.cookieHeader, SESSION_COOKIE) || undefined;
}
