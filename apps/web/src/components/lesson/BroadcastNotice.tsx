'use client';

import type { TBroadcast } from '@dlclass/contracts';
import Link from 'next/link';
import { useI18n } from '@/i18n/client';
import { formatDateTime } from '@/lib/format';

/** The address of the Hello World that opens with the model of the class's latest broadcast. */
export const BROADCAST_MODEL_HREF = '/eleve/hello-world?modele=diffuse';

/** The teacher's latest message to the class, and the model they sent, ready to load. */
export function BroadcastNotice({ broadcast }: { broadcast: TBroadcast }) {
  const { t, locale } = useI18n();
  return (
    <section className="card broadcast" role="status" data-testid="broadcast">
      <div className="spread">
        <h2>{t('lesson.broadcast.title', { from: broadcast.from })}</h2>
        <span className="small muted">{formatDateTime(locale, broadcast.sentAt)}</span>
      </div>
      {broadcast.message && <p data-testid="broadcast-message">{broadcast.message}</p>}
      {broadcast.spec && (
        <p>
          {t('lesson.broadcast.model', { name: broadcast.spec.name ?? t('lesson.broadcast.unnamed') })}{' '}
          <Link href={BROADCAST_MODEL_HREF} className="button" data-testid="broadcast-load">
            {t('lesson.broadcast.load')}
          </Link>
        </p>
      )}
    </section>
  );
}
