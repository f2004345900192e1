'use client';

import { useSocket } from '@/lib/socket';

/**
 * In a student's header on every page: holds the page's socket (the one its components share), so their
 * teacher's dashboard shows them online while any of their pages is open.
 */
export function StayOnline() {
  useSocket();
  return null;
}
