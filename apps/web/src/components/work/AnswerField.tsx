'use client';

import type { TField } from '@dlclass/content';
import { ExperimentAnswer } from './fields/ExperimentAnswer';
import { GridAnswer } from './fields/GridAnswer';
import { Measured } from './fields/Measured';
import { PlacementAnswer } from './fields/PlacementAnswer';
import { RunAnswer, RunsAnswer } from './fields/RunAnswer';
import { TableAnswer } from './fields/TableAnswer';
import { TextAnswer } from './fields/TextAnswer';

/** Any field of a template, bound to the work of the surrounding <WorkProvider>. */
export function AnswerField({ field }: { field: TField }) {
  switch (field.kind) {
    case 'text':
      return <TextAnswer field={field} />;
    case 'run':
      return <RunAnswer field={field} />;
    case 'runs':
      return <RunsAnswer field={field} />;
    case 'measured':
      return <Measured measuredKey={field.id} what={field.fact} label={field.label} />;
    case 'experiment':
      return <ExperimentAnswer field={field} />;
    case 'table':
      return <TableAnswer field={field} />;
    case 'placement':
      return <PlacementAnswer field={field} />;
    case 'grid':
      return <GridAnswer field={field} />;
  }
}
