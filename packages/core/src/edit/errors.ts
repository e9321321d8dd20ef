/** Why an edit was refused. The editor may branch on the code; the message is for the person. */
export const EDIT_ERROR_CODES = [
  /** A stage, step, touchpoint, persona ... named by id (or index) is not in the map. */
  'not-found',
  /** An id given for a new item is already used by another of its kind. */
  'id-taken',
  /** An id given for a new item is not a slug. */
  'invalid-id',
  /** A name or other required text is empty. */
  'empty-text',
  /** A value outside what the schema allows: a channel, a score, a date ... */
  'invalid-value',
  /** A position outside the list it is meant for. */
  'bad-index',
  /** The item is already there: a touchpoint already attached, a link already made, a KPI twice. */
  'duplicate',
  /** The map must keep at least one stage and one persona. */
  'last-one',
  /** The edit would break a reference the map keeps elsewhere, e.g. an objection's KPI. */
  'conflict',
  /** `applyEdit` was given an action type it does not know. */
  'unknown-action',
] as const;

export type EditErrorCode = (typeof EDIT_ERROR_CODES)[number];

/**
 * The one error editing operations throw, instead of returning a map `validateMap` would reject.
 *
 * @example
 * try { renameStep(map, { stepId: 'checkout', name: '' }); }
 * catch (error) { if (error instanceof EditError) show(error.message); } // step name must not be empty
 */
export class EditError extends Error {
  readonly code: EditErrorCode;

  constructor(code: EditErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EditError';
    this.code = code;
  }
}
