'use client';

import type { TClass } from '@dlclass/contracts';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useT } from '@/i18n/client';
import { api } from '@/lib/api';
import { errorMessage } from '@/lib/errors';
import { useApiData } from '@/lib/useApiData';

/** The query parameter that carries the selected class between the teacher's pages. */
export const CLASS_PARAM = 'classe';

/** The teacher's pages, each for one class at a time (the dashboard is the first). */
const TEACHER_PAGES = [
  { href: '/enseignant', key: 'dashboard' },
  { href: '/enseignant/correction', key: 'grading' },
  { href: '/enseignant/qcm', key: 'quiz' },
  { href: '/enseignant/mur', key: 'wall' },
] as const;

/** Links between the teacher's pages, keeping the selected class. */
export function TeacherNav({ classId }: { classId: string | null }) {
  const t = useT();
  const pathname = usePathname();
  const query = classId ? `?${CLASS_PARAM}=${encodeURIComponent(classId)}` : '';
  return (
    <nav className="teacher-nav" aria-label={t('teacherTools.nav.label')}>
      {TEACHER_PAGES.map((page) => (
        <Link
          key={page.href}
          href={`${page.href}${query}`}
          aria-current={pathname === page.href ? 'page' : undefined}
        >
          {t(`teacherTools.nav.${page.key}`)}
        </Link>
      ))}
    </nav>
  );
}

/**
 * A teacher's page about one class: the class named by `?classe=` (else the first one), a picker to switch,
 * the navigation between the teacher's pages, then `children` for the selected class.
 */
export function ClassScope({ children }: { children: (schoolClass: TClass) => ReactNode }) {
  const t = useT();
  const router = useRouter();
  const pathname = usePathname();
  const wanted = useSearchParams().get(CLASS_PARAM);
  const { data: classes, error } = useApiData(api.classes);
  const selected = classes?.find((c) => c.id === wanted) ?? classes?.[0] ?? null;

  return (
    <>
      <TeacherNav classId={selected?.id ?? null} />
      {error ? <p className="alert alert-error">{errorMessage(t, error)}</p> : null}
      {!classes && !error && <p className="muted">{t('common.loading')}</p>}
      {classes?.length === 0 && <p className="muted">{t('teacher.noClasses')}</p>}
      {classes && selected && (
        <>
          <label className="field class-picker">
            <span>{t('teacherTools.nav.class')}</span>
            <select
              value={selected.id}
              onChange={(event) =>
                router.replace(`${pathname}?${CLASS_PARAM}=${encodeURIComponent(event.target.value)}`)
              }
              data-testid="class-picker"
            >
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <div key={selected.id}>{children(selected)}</div>
        </>
      )}
    </>
  );
}
