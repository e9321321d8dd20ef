import { type JourneyMap, LANGUAGES, type Language, MAP_STYLES, type MapStyle } from '../schema.ts';
import { FIELD_ORDER, oneOf, optionalText, requiredText, withField } from './internal.ts';

export interface RenameMapArgs {
  title: string;
}

export function renameMap(map: JourneyMap, args: RenameMapArgs): JourneyMap {
  return withField(map, 'title', requiredText(args.title, 'map title'), FIELD_ORDER.map);
}

/** Each field: text sets it, `null` or `''` clears it, left out leaves it. */
export interface DescribeMapArgs {
  scenario?: string | null;
  description?: string | null;
}

export function describeMap(map: JourneyMap, args: DescribeMapArgs): JourneyMap {
  let next = map;
  if (args.scenario !== undefined)
    next = withField(next, 'scenario', optionalText(args.scenario, 'scenario'), FIELD_ORDER.map);
  if (args.description !== undefined)
    next = withField(next, 'description', optionalText(args.description, 'description'), FIELD_ORDER.map);
  return next;
}

export interface SetMapStyleArgs {
  style: MapStyle;
}

export function setMapStyle(map: JourneyMap, args: SetMapStyleArgs): JourneyMap {
  return withField(map, 'style', oneOf(args.style, MAP_STYLES, 'map style'), FIELD_ORDER.map);
}

export interface SetMapLanguageArgs {
  language: Language;
}

/** Sets the language labels in exports follow; the map's own texts are not translated. */
export function setMapLanguage(map: JourneyMap, args: SetMapLanguageArgs): JourneyMap {
  return withField(map, 'language', oneOf(args.language, LANGUAGES, 'language'), FIELD_ORDER.map);
}
