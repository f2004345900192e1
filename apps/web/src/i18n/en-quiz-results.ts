import type { frQuizResults } from './fr-quiz-results';

/** English texts of the teacher's QCM results page: typed by the French ones. */
export const enQuizResults: typeof frQuizResults = {
  title: 'Quiz results',
  intro:
    'Each student’s counted mark is their best submitted attempt. The question analysis uses these counted attempts: one answer per student. The page updates by itself.',
  summary: {
    submitted: 'Students who submitted',
    submittedValue: '{count} of {total}',
    mean: 'Mean',
    median: 'Median',
    on20: '{value} / 20',
  },
  students: {
    title: 'Students’ marks',
    empty: 'The class has no students yet.',
    columns: {
      student: 'Student',
      attempts: 'Submitted attempts',
      score: 'Counted mark',
      points: 'Points',
      submittedAt: 'Submitted',
    },
    points: '{score} / {max}',
    inProgress: 'in progress',
    notYet: 'not submitted yet',
  },
  questions: {
    title: 'Question analysis',
    empty: 'No submitted attempt yet: the analysis appears with the first ones.',
    number: 'Question {n}',
    multiple: 'several right answers',
    answers: '{count} student(s) asked, {blank} blank',
    facility: 'Success',
    facilityValue: '{value} % of students fully right',
    facilityTone: {
      easy: 'very easy',
      hard: 'hard',
      fine: 'well pitched',
    },
    discrimination: 'Discrimination',
    discriminationTone: {
      good: 'separates students well',
      weak: 'separates students a little',
      poor: 'does not separate students: review it',
    },
    discriminationNone: 'not computed (at least {min} students, with both successes and failures)',
    options: 'Options',
    optionChosen: '{count} times ({share} %)',
    right: 'right answer',
    topWrong: 'most frequent mistake',
  },
  help: {
    title: 'How to read these figures?',
    facility:
      'Success (facility): the share of the students asked the question who got it fully right (on a question with several right answers, a half-right answer does not count). Above 90 % the question is very easy; below 30 %, hard.',
    options:
      'Options: how many students ticked each option. A wrong option chosen often points to a widespread misconception worth going over with the class.',
    discrimination:
      'Discrimination: the (point-biserial) correlation, from −1 to 1, between getting the question right and doing well on the rest of the quiz. From 0.3 the question separates well the students who master the rest; between 0.1 and 0.3, a little; below 0.1 or negative it does not (ambiguous wording, a trap, or a debatable right answer): review it.',
  },
};
