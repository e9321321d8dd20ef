import type { JourneyMap, Language } from '../schema.ts';

/** A text written in every language a template comes in. */
export type LocalisedText = Readonly<Record<Language, string>>;

/**
 * A map template: a starting point a team copies and fills in. Every template exists in English
 * and Dutch; both builds have the same ids and structure, only the texts differ.
 */
export interface MapTemplate {
  /** Slug, the same in every language: `retail-b2c`. */
  readonly id: string;
  readonly name: LocalisedText;
  readonly description: LocalisedText;
  /** How many stages the built map has, for listings. */
  readonly stages: number;
  /** The map with all its texts in `language` and `language` set accordingly. */
  build(language: Language): JourneyMap;
}
