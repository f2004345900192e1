import { PUBLIC_CONTENT } from './public-content';
import { QUIZ_BANK } from './quiz-bank';
import { TEMPLATES } from './templates';

describe('PUBLIC_CONTENT', () => {
  const json = JSON.stringify(PUBLIC_CONTENT);

  it('keeps every template, with the schema labels but not their slots', () => {
    expect(Object.keys(PUBLIC_CONTENT.templates)).toEqual(Object.keys(TEMPLATES));
    const placements = Object.values(PUBLIC_CONTENT.templates)
      .flatMap((template) => template.sections.flatMap((section) => section.fields))
      .filter((field) => field.kind === 'placement');
    expect(placements.length).toBeGreaterThan(0);
    for (const field of placements) {
      expect(field.diagram.labels.length).toBeGreaterThan(0);
      for (const label of field.diagram.labels) expect(Object.keys(label)).toEqual(['id', 'text']);
    }
    expect(json).not.toContain('"slot"');
  });

  it('holds nothing of the QCM bank', () => {
    expect(json).not.toContain('"correct"');
    for (const question of QUIZ_BANK) expect(json).not.toContain(JSON.stringify(question.prompt));
  });
});
