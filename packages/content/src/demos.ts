import { z } from 'zod';
import { type TDemo, ZDemo } from './schema';

/**
 * The demonstrations of phase 1 (teacher-led). Examples are written out: no external AI service is ever
 * called; the digit recognizer runs a small model the project trains and ships itself.
 */
export const DEMOS: TDemo[] = z.array(ZDemo).parse([
  {
    id: 'code-completion',
    title: 'Complétion de code',
    paragraphs: [
      'Les assistants de programmation proposent la suite du code pendant que vous tapez. Derrière, un réseau de neurones a lu des millions de fichiers de code source et a appris quelles suites de caractères apparaissent le plus souvent après ce qui est déjà écrit.',
      'Le modèle ne « comprend » pas le programme comme un développeur : il calcule, à partir du contexte (le nom de la fonction, les commentaires, le code autour), la suite la plus probable. Personne ne lui a écrit de règles de programmation : il les a déduites des exemples.',
      'C’est pour cela qu’une proposition peut être très juste sur un motif courant et complètement fausse sur un cas rare : il faut toujours relire et tester ce qu’il propose.',
    ],
    widget: null,
    examples: [
      {
        caption: 'Un nom de fonction et un commentaire suffisent souvent à deviner le corps.',
        input:
          '// Renvoie la moyenne des notes, 0 si la liste est vide\nfunction moyenne(notes: number[]): number {',
        output:
          '  if (notes.length === 0) return 0;\n  return notes.reduce((somme, note) => somme + note, 0) / notes.length;\n}',
        format: 'code',
      },
      {
        caption: 'Un motif répété : le modèle poursuit la série.',
        input: "const jours = ['lundi', 'mardi', 'mercredi',",
        output: " 'jeudi', 'vendredi', 'samedi', 'dimanche'];",
        format: 'code',
      },
      {
        caption: 'Une requête SQL à partir de son intention.',
        input: '-- Les 5 clients qui ont passé le plus de commandes\nSELECT',
        output:
          ' c.nom, COUNT(*) AS nb_commandes\nFROM client c JOIN commande co ON co.client_id = c.id\nGROUP BY c.nom\nORDER BY nb_commandes DESC\nLIMIT 5;',
        format: 'code',
      },
    ],
    questions: [
      {
        id: 'code-completion-how',
        prompt:
          'Selon vous, comment le modèle peut-il deviner la suite du code sans qu’on lui ait écrit de règles ?',
      },
      {
        id: 'code-completion-limits',
        prompt: 'Quelles limites ou quels risques voyez-vous à utiliser ce type d’outil en entreprise ?',
        hint: 'Pensez à la justesse du code proposé, à la sécurité et à la confidentialité du code.',
      },
    ],
  },
  {
    id: 'digit-recognition',
    title: 'Reconnaissance de chiffres',
    paragraphs: [
      'Dessinez un chiffre dans le cadre : un petit réseau de neurones le lit directement dans votre navigateur, sans rien envoyer sur Internet. Il a été entraîné par la plateforme sur les 60 000 chiffres manuscrits du jeu de données MNIST.',
      'Votre dessin est réduit à une image de 28 × 28 pixels en niveaux de gris, comme les images d’entraînement. Le réseau calcule alors une probabilité pour chacun des dix chiffres et propose le plus probable.',
      'Essayez des chiffres penchés, très petits, décentrés ou mal fermés : vous verrez où le modèle hésite. C’est le même type de réseau que vous allez entraîner vous-même dans le Hello World.',
    ],
    widget: 'digit-recognizer',
    examples: [],
    questions: [
      {
        id: 'digit-recognition-how',
        prompt: 'D’après vous, comment le réseau a-t-il appris à reconnaître les chiffres ?',
      },
      {
        id: 'digit-recognition-fail',
        prompt: 'Dans quels cas s’est-il trompé ou a-t-il hésité ? Pourquoi, selon vous ?',
      },
      {
        id: 'digit-recognition-uses',
        prompt: 'Citez une situation réelle où ce type de reconnaissance est utile.',
      },
    ],
  },
  {
    id: 'text-generation',
    title: 'Génération de texte',
    paragraphs: [
      'Un modèle de langage produit un texte mot après mot (plus précisément morceau de mot après morceau de mot) : à chaque étape, il estime la probabilité de toutes les suites possibles et en choisit une, puis recommence avec le texte allongé.',
      'Il a été entraîné sur d’énormes quantités de textes pour prédire la suite d’un texte. À force, il a capté la grammaire, le style et beaucoup de connaissances, mais il peut aussi produire avec assurance des phrases fausses : il vise le plausible, pas le vrai.',
      'Les exemples ci-dessous montrent des débuts de phrase et des suites qu’un tel modèle pourrait proposer ; aucun service d’IA n’est appelé ici.',
    ],
    widget: null,
    examples: [
      {
        caption: 'La suite la plus probable d’une phrase courante.',
        input: 'Pour réussir son BTS, il faut',
        output: ' travailler régulièrement, poser des questions et pratiquer sur des projets concrets.',
        format: 'text',
      },
      {
        caption: 'Le style suit le contexte : un courriel formel appelle une formule formelle.',
        input: 'Madame, Monsieur,\nSuite à notre entretien téléphonique, je vous',
        output: ' confirme ma disponibilité pour un stage de six semaines à partir du 6 janvier.',
        format: 'text',
      },
      {
        caption: 'Plausible mais faux : le modèle invente une référence qui n’existe pas.',
        input: 'Le premier réseau de neurones a été inventé en',
        output: ' 1987 par le mathématicien français Henri Lefort.',
        format: 'text',
      },
    ],
    questions: [
      {
        id: 'text-generation-how',
        prompt: 'Expliquez avec vos mots comment un modèle produit un texte.',
      },
      {
        id: 'text-generation-risks',
        prompt:
          'Le troisième exemple est faux. Pourquoi un tel modèle peut-il affirmer quelque chose de faux ? Quels risques cela pose-t-il ?',
      },
    ],
  },
]);
