'use client';

import type { TClassicalRun, TDataset, TExperiment } from '@dlclass/contracts';
import Link from 'next/link';
import { type ReactNode, useState } from 'react';
import { SelectField } from '@/components/Field';
import { LoadState } from '@/components/LoadState';
import { useI18n } from '@/i18n/client';
import { api } from '@/lib/api';
import { formatPercent } from '@/lib/format';
import { useSocket } from '@/lib/socket';
import { useApiData } from '@/lib/useApiData';
import { useLiveClassicalRuns, useLiveRuns } from '@/lib/useLiveRuns';
import { PAIR_PARAMS, type TPairIds } from './pair-params';

type Finished = {
  id: string;
  name: string;
  status: string;
  testAccuracy: number | null;
  spec: { dataset: TDataset };
};
const finished = <R extends Finished>(runs: R[] | null) =>
  (runs ?? []).filter((r) => r.status === 'succeeded');

/** The chosen id while it is among the finished runs, else the newest finished run (lists are newest first). */
const chosen = (id: string | undefined, runs: Finished[]) =>
  (id && runs.some((run) => run.id === id) ? id : runs[0]?.id) ?? null;

/**
 * The classical model and the network a phase-2 page compares: the student's runs of both kinds, followed live,
 * and their choice, kept in the address.
 */
export function useModelPair(initial: TPairIds) {
  const { socket } = useSocket();
  const classicalRuns = useLiveClassicalRuns(socket);
  const networkRuns = useLiveRuns(socket, null);
  const [ids, setIds] = useState<TPairIds>(initial);
  const classical = finished(classicalRuns.runs);
  const classicalId = chosen(ids.classical, classical);
  // the same data on both sides: the networks trained on the chosen classical model's dataset
  const dataset = classical.find((run) => run.id === classicalId)?.spec.dataset;
  const networks = finished(networkRuns.runs).filter((run) => !dataset || run.spec.dataset === dataset);
  const select = (next: TPairIds) => {
    const merged = { ...ids, ...next };
    setIds(merged);
    const query = new URLSearchParams(window.location.search);
    if (merged.classical) query.set(PAIR_PARAMS.classical, merged.classical);
    if (merged.network) query.set(PAIR_PARAMS.network, merged.network);
    window.history.replaceState(null, '', `?${query}`);
  };
  return {
    classicalRuns,
    classical,
    networks,
    classicalId,
    networkId: chosen(ids.network, networks),
    select,
  };
}

export type TModelPair = ReturnType<typeof useModelPair>;

/** The two selects of the pair, or what to do when one side has no finished run yet. */
export function ModelPairPicker({ pair }: { pair: TModelPair }) {
  const { t, locale } = useI18n();
  const option = (run: Finished) => ({
    value: run.id,
    label: t('phase2.pair.option', {
      name: run.name,
      accuracy: formatPercent(locale, run.testAccuracy ?? 0),
    }),
  });
  return (
    <div className="grid-2">
      {pair.classicalId ? (
        <SelectField
          label={t('phase2.pair.classical')}
          value={pair.classicalId}
          options={pair.classical.map(option)}
          onChange={(classical) => pair.select({ classical })}
          testId="pair-classical"
        />
      ) : (
        <p className="muted">{t('phase2.pair.noClassical')}</p>
      )}
      {pair.networkId ? (
        <SelectField
          label={t('phase2.pair.network')}
          value={pair.networkId}
          options={pair.networks.map(option)}
          onChange={(network) => pair.select({ network })}
          testId="pair-network"
        />
      ) : (
        <p className="muted">
          {t('phase2.pair.noNetwork')} <Link href="/eleve/hello-world">{t('phase2.pair.helloWorld')}</Link>
        </p>
      )}
    </div>
  );
}

/** The picker, then the two chosen runs loaded in full and shown (a new pair: a new load). */
export function ComparedPair({
  pair,
  children,
}: {
  pair: TModelPair;
  children: (classical: TClassicalRun, network: TExperiment) => ReactNode;
}) {
  return (
    <>
      <ModelPairPicker pair={pair} />
      {pair.classicalId && pair.networkId && (
        <LoadedPair key={`${pair.classicalId}/${pair.networkId}`} ids={[pair.classicalId, pair.networkId]}>
          {children}
        </LoadedPair>
      )}
    </>
  );
}

function LoadedPair({
  ids: [classicalId, networkId],
  children,
}: {
  ids: [string, string];
  children: (classical: TClassicalRun, network: TExperiment) => ReactNode;
}) {
  const { data, error } = useApiData(() =>
    Promise.all([api.classicalRun(classicalId), api.experiment(networkId)]),
  );
  if (!data) return <LoadState loaded={false} error={error} />;
  return <>{children(data[0], data[1])}</>;
}
