import { toFieldErrors, ZJoinRequest, ZLoginRequest } from './index';

const fieldsOf = (result: { success: boolean; error?: import('zod').ZodError }) =>
  Object.fromEntries(toFieldErrors(result.error as import('zod').ZodError).map((f) => [f.field, f.message]));

describe('ZJoinRequest (a student joins with class code, name and PIN)', () => {
  it('normalises the code (trimmed, upper case) and the name (trimmed); keeps the PIN as typed', () => {
    expect(ZJoinRequest.parse({ classCode: ' ab12cd ', displayName: '  Léa Martin  ', pin: '0123' })).toEqual(
      {
        classCode: 'AB12CD',
        displayName: 'Léa Martin',
        pin: '0123',
      },
    );
  });

  it('names each faulty field with a French message', () => {
    const result = ZJoinRequest.safeParse({ classCode: 'ab', displayName: ' L ', pin: '12a4' });
    expect(fieldsOf(result)).toEqual({
      classCode: 'Le code de classe contient 4 à 12 lettres ou chiffres',
      displayName: 'Le nom affiché doit contenir au moins 2 caractères',
      pin: 'Le code PIN contient 4 à 8 chiffres',
    });
    expect(
      fieldsOf(ZJoinRequest.safeParse({ classCode: 'AB12CD', displayName: 'Léa <b>', pin: '123456789' })),
    ).toEqual({
      displayName: "Le nom affiché ne peut contenir que des lettres, chiffres, espaces et . ' _ -",
      pin: 'Le code PIN contient 4 à 8 chiffres',
    });
    expect(fieldsOf(ZJoinRequest.safeParse({}))).toEqual({
      classCode: 'Le code de classe est obligatoire',
      displayName: 'Le nom affiché est obligatoire',
      pin: 'Le code PIN est obligatoire',
    });
  });

  it('refuses unknown keys (nobody joins with a role of their choosing), in French', () => {
    const result = ZJoinRequest.safeParse({
      classCode: 'AB12CD',
      displayName: 'Léa',
      pin: '1234',
      role: 'admin',
    });
    expect(fieldsOf(result)).toEqual({ '(corps)': 'Clé non reconnue : "role"' });
  });
});

describe('ZLoginRequest (staff log in with e-mail and password)', () => {
  it('trims and lower-cases the e-mail before checking it', () => {
    expect(ZLoginRequest.parse({ email: '  Prof.Durand@Lycee.FR ', password: ' secret ' })).toEqual({
      email: 'prof.durand@lycee.fr',
      password: ' secret ',
    });
  });

  it('names each faulty field with a French message', () => {
    expect(fieldsOf(ZLoginRequest.safeParse({ email: 'prof@', password: '' }))).toEqual({
      email: "L'adresse e-mail n'est pas valide",
      password: 'Le mot de passe est obligatoire',
    });
    expect(fieldsOf(ZLoginRequest.safeParse({ email: 42 }))).toEqual({
      email: "L'adresse e-mail est obligatoire",
      password: 'Le mot de passe est obligatoire',
    });
  });

  it('answers a body that is not an object in French', () => {
    expect(fieldsOf(ZLoginRequest.safeParse(null))).toEqual({
      '(corps)': 'Entrée invalide : objet attendu, null reçu',
    });
  });
});
