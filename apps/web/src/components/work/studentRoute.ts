import { type TTemplate, templateFor } from '@dlclass/content';
import type { TUser } from '@dlclass/contracts';
import { notFound, redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/server-api';

/** The signed-in student, or a redirect: home when signed out, the dashboard for a teacher. */
export async function requireStudent(): Promise<TUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  return user;
}

/**
 * An activity's template as the browser may see it: the schema's answer key (which slot each label belongs
 * to) stays on the server, where the placements are checked.
 */
export function publicTemplate(activity: string): TTemplate {
  const template = templateFor(activity);
  if (!template) notFound();
  return {
    ...template,
    sections: template.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) =>
        field.kind === 'placement'
          ? {
              ...field,
              diagram: {
                ...field.diagram,
                labels: field.diagram.labels.map((label) => ({ ...label, slot: null })),
              },
            }
          : field,
      ),
    })),
  };
}
