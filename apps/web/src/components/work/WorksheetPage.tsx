'use client';

import type { TTemplate } from '@dlclass/content';
import Link from 'next/link';
import { useT } from '@/i18n/client';
import { useDeliverable } from '@/lib/useDeliverable';
import { WorkProvider } from './WorkProvider';
import { WorksheetForm } from './WorksheetForm';

/** The page of a deliverable or worksheet: the student's work on the template, saved as they type. */
export function WorksheetPage({ template, userId }: { template: TTemplate; userId: string }) {
  const t = useT();
  const work = useDeliverable(template.id, userId);
  return (
    <WorkProvider work={work}>
      <p>
        <Link href="/eleve">{t('work.backHome')}</Link>
      </p>
      <WorksheetForm template={template} />
    </WorkProvider>
  );
}
