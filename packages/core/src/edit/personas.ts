import { type JourneyMap, type Persona, personaSchema } from '../schema.ts';
import { EditError } from './errors.ts';
import {
  FIELD_ORDER,
  newItemId,
  optionalText,
  patchTexts,
  requiredText,
  updateEveryStep,
  withField,
  withoutFeeling,
} from './internal.ts';
import { changeRecord, insertRecord, moveRecord, recordIndex, removeRecord } from './records.ts';

export interface AddPersonaArgs {
  name: string;
  description?: string;
  quote?: string;
  goals?: string[];
  /** Position among the personas; left out: the end. The first persona's curve is the main one. */
  index?: number;
  /** Left out: a fresh slug of the name. */
  id?: string;
}

export function addPersona(map: JourneyMap, args: AddPersonaArgs): JourneyMap {
  const name = requiredText(args.name, 'persona name');
  const persona: Persona = {
    id: newItemId(
      args.id,
      name,
      map.personas.map((p) => p.id),
      'persona',
    ),
    name,
  };
  const description = optionalText(args.description, 'persona description');
  if (description !== undefined) persona.description = description;
  const quote = optionalText(args.quote, 'persona quote');
  if (quote !== undefined) persona.quote = quote;
  const goals = personaGoals(args.goals);
  if (goals) persona.goals = goals;
  return insertRecord(map, 'personas', persona, personaSchema, args.index);
}

/** Each field left out stays as it is; `null` (or `''` for texts, `[]` for goals) clears it. */
export interface EditPersonaArgs {
  personaId: string;
  name?: string;
  description?: string | null;
  quote?: string | null;
  goals?: string[] | null;
}

export function editPersona(map: JourneyMap, args: EditPersonaArgs): JourneyMap {
  return changeRecord(map, 'personas', args.personaId, personaSchema, (persona) => {
    const next = patchTexts(persona, args, ['description', 'quote'], 'persona', 'persona');
    if (args.goals === undefined) return next;
    return withField(next, 'goals', personaGoals(args.goals ?? []), FIELD_ORDER.persona);
  });
}

function personaGoals(goals: readonly string[] | undefined): string[] | undefined {
  if (goals === undefined) return undefined;
  if (!Array.isArray(goals)) throw new EditError('invalid-value', 'persona goals must be a list of texts');
  const list = goals.map((goal) => requiredText(goal, 'a persona goal'));
  return list.length > 0 ? list : undefined;
}

export interface MovePersonaArgs {
  personaId: string;
  /** Its position once moved. */
  index: number;
}

export function movePersona(map: JourneyMap, args: MovePersonaArgs): JourneyMap {
  return moveRecord(map, 'personas', args.personaId, args.index);
}

export interface DeletePersonaArgs {
  personaId: string;
}

/** Deletes a persona with its feelings on every step; the map keeps at least one persona. */
export function deletePersona(map: JourneyMap, args: DeletePersonaArgs): JourneyMap {
  recordIndex(map, 'personas', args.personaId);
  if (map.personas.length === 1) throw new EditError('last-one', 'a map needs at least one persona');
  const id = args.personaId;
  return updateEveryStep(removeRecord(map, 'personas', id), (step) => withoutFeeling(step, id));
}
