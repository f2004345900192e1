import { redirect } from 'next/navigation';
import { HelloWorld } from '@/components/hello/HelloWorld';
import { getCurrentUser } from '@/lib/server-api';

export default async function HelloWorldPage({
  searchParams,
}: {
  searchParams: Promise<{
    run?: string | string[];
    modele?: string | string[];
    depuis?: string | string[];
  }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect('/');
  if (user.role !== 'student') redirect('/enseignant');
  const { run, modele, depuis } = await searchParams;
  const runId = typeof run === 'string' && /^[0-9a-f-]{36}$/i.test(run) ? run : null;
  // ?modele=diffuse: the editor starts from the model the teacher broadcast to the class
  // ?depuis=defi: opened from the guided challenge, the reference starts at the challenge's run size
  return (
    <HelloWorld
      initialRunId={runId}
      loadBroadcast={modele === 'diffuse'}
      activity={depuis === 'defi' ? 'challenge' : 'hello'}
    />
  );
}
