import type { TRunKind } from '@dlclass/contracts';
import { Projector } from '@/components/teacher/wall/Projector';
import { getTranslator } from '@/i18n/server';
import { requireStaff } from '@/lib/server-api';

/** `?run=<id>` a network run, `&type=classique` a classical one, `&anonyme=1` with the student's name hidden. */
export default async function ProjectionPage({
  searchParams,
}: {
  searchParams: Promise<{ run?: string | string[]; type?: string | string[]; anonyme?: string | string[] }>;
}) {
  await requireStaff();
  const t = await getTranslator();
  const { run, type, anonyme } = await searchParams;
  const runId = typeof run === 'string' && /^[0-9a-f-]{36}$/i.test(run) ? run : null;
  const kind: TRunKind = type === 'classique' ? 'classical' : 'network';
  return (
    <>
      <h1 className="visually-hidden">{t('wall.projector.title')}</h1>
      {runId ? (
        <Projector key={runId} runId={runId} kind={kind} hideNameAtFirst={anonyme === '1'} />
      ) : (
        <p className="muted">{t('wall.projector.noRun')}</p>
      )}
    </>
  );
}
