import type { frTeacher } from './fr-teacher';

/** English texts of the teacher's tools: typed by the French ones. */
export const enTeacher: typeof frTeacher = {
  nav: {
    label: 'Teacher pages',
    dashboard: 'Live session',
    grading: 'Grading',
    quiz: 'Quiz results',
    wall: 'Experiment wall',
    class: 'Class',
  },
  hands: {
    title: 'Raised hands ({count})',
    none: 'No raised hand.',
    answer: 'Coming',
  },
  classes: {
    newName: 'New class',
    create: 'Create the class',
    name: 'Class name',
    rename: 'Rename',
    newCode: 'New code',
    newCodeConfirm:
      'Give the class a new code? The code {code} will no longer let anyone join (students already in stay).',
    archive: 'Archive',
    unarchive: 'Unarchive',
    archivedNotice:
      'Archived class: its code no longer lets anyone join or log back in. Its work can still be read.',
    archivedBadge: 'archived',
    rosterTitle: 'Students ({count})',
    noStudents: 'No student yet: give them the code {code}.',
    columns: { name: 'Student', joined: 'Joined', runs: 'Training runs', work: 'Work', actions: 'Actions' },
    resetPin: 'New PIN',
    newPin: "{name}'s new PIN: {pin}. Write it down: it will not be shown again.",
    remove: 'Remove',
    removeConfirm: 'Remove {name} from the class? Their training runs and work will be deleted for good.',
    removed: '{name} was removed from the class.',
  },
  quizImport: {
    title: 'Class QCM',
    intro:
      'Set each class’s QCM. Students take the lesson’s QCM, or yours: write it in Markdown and import it. Its questions can no longer change once a student has started it.',
    questionsHeading: 'Questions',
    defaultSource: 'The lesson’s QCM: {count} questions.',
    importedSource: 'Your QCM: {count} imported questions.',
    label: 'Your QCM in Markdown',
    helpTitle: 'How to write the QCM',
    help: {
      headings: 'Each question starts with a heading: “## My question?” (#, ## or ###).',
      options:
        'Each option is a line “- [ ] wrong answer” or “- [x] right answer”. Tick several for a multiple-answer question.',
      optionExplanation: 'A “> …” line right under an option explains that option.',
      questionExplanation:
        'A paragraph after the options explains the question (for the options without their own explanation).',
      limits: '2 to 8 options per question, at most 100 questions.',
    },
    exampleTitle: 'Example',
    example: `## What is an epoch?

- [ ] A layer of the network
  > No: layers make the network's architecture.
- [x] One full pass over the training data
- [ ] How long training lasts

An epoch is one full pass of the network over all the training data.

## Which belong to a neuron?

- [x] Weights
- [x] A bias
- [ ] The dataset
`,
    useExample: 'Start from the example',
    import: 'Import',
    importing: 'Importing…',
    reset: 'Back to the default QCM',
    resetting: 'Going back to the default QCM…',
    imported: '{count} questions imported.',
    resetDone: 'The class is back to the lesson’s QCM.',
    errorsTitle: 'The QCM was not imported: fix these lines.',
    questionsTitle: 'Questions understood',
    multiple: 'several answers',
    optionCount: '{count} options',
  },
  quizSettings: {
    title: 'Settings',
    timeLimitMinutes: 'Time limit (minutes)',
    maxAttempts: 'Attempts per student',
    questionCount: 'Questions per attempt',
    between: 'From {min} to {max}.',
    correction: 'Correction shown',
    policy: {
      'after-each-attempt': 'after each attempt',
      'after-last-attempt': 'after the student’s last attempt',
      'when-released': 'when I release it',
    },
    released: 'Release the correction: students who handed the QCM in can see it.',
    save: 'Save the settings',
    saving: 'Saving…',
    saved:
      'Settings saved. The time limit and the number of questions apply to the next attempts; the rest applies at once.',
  },
};
