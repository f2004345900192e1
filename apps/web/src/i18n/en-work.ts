import type { frWork } from './fr-work';

/** English texts of the work pages: typed by the French ones. */
export const enWork: typeof frWork = {
  backHome: '← My activities',
  save: {
    saved: 'Saved at {time}',
    nothingYet: 'Nothing to save yet',
    pending: 'Changes waiting to be saved…',
    saving: 'Saving…',
    offline: 'Offline: your answers are kept and will be sent when the network is back.',
    failed: 'Saving failed: {message}',
    fixFields: 'Some answers were not accepted: correct the fields marked below.',
    loadFailed: 'Your answers could not be loaded: {message}',
  },
  stale: {
    title: 'A newer version exists',
    body: 'This sheet was changed elsewhere (another tab or another device). So that nothing is overwritten, your latest changes were not sent: they are still shown below.',
    reload: 'Reload the latest version',
    copy: 'Copy my unsaved answers',
    copied: 'Answers copied to the clipboard.',
  },
  discarded: {
    title: 'Your unsaved answers',
    body: 'The latest version is loaded. Here is what you had written without it being saved: copy back what is useful.',
    dismiss: 'Hide',
  },
  submit: {
    button: 'Hand in',
    submitting: 'Sending…',
    hint: 'Once handed in, the work can no longer be changed unless your teacher returns it.',
    submitted: 'Handed in on {date}. It can no longer be changed unless your teacher returns it.',
    finalised: 'Finalised by your teacher: it can no longer be changed.',
    returned: 'Your teacher returned this work on {date}: you can complete it and hand it in again.',
    worksheet: 'Your answers are saved automatically: there is nothing to hand in.',
  },
  fields: {
    measured: 'measured',
    measuredTitle: 'Measured by the platform on your training runs: cannot be edited',
    source: 'Source: {source}',
    notMeasured: 'Not measured yet: choose a finished training run.',
    chooseRun: '— Choose a training run —',
    noRuns: 'You have no training run yet: start one from the Hello World.',
    runsLoading: 'Loading your training runs…',
    runOption: '{name} · {date} · {accuracy}',
    runNotFinished: '{name} · {date} · {status}',
    noAccuracy: 'no accuracy',
    runsCount: '{count} training run(s) chosen',
    experiment: {
      before: 'Training run before the change',
      after: 'Training run after the change',
      parameter: 'Parameter changed',
      oldValue: 'Old value',
      newValue: 'New value',
      beforeAccuracy: 'Test accuracy before',
      afterAccuracy: 'Test accuracy after',
      observation: 'Observation',
      observationHint: 'What you noticed, and your explanation.',
    },
    table: {
      rowHeader: 'Criterion',
      cell: '{row} — {column}',
    },
    grid: {
      skill: 'Skill',
    },
    characters: '{count} / {max} characters',
  },
  pages: {
    notFound: 'This activity has no worksheet template yet.',
  },
};
