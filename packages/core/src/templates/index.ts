import { ecommerceTemplate } from './ecommerce.ts';
import { fiveStageTemplate } from './five-stage.ts';
import { retailB2cTemplate } from './retail-b2c.ts';
import { shoesTemplate } from './shoes.ts';
import type { MapTemplate } from './types.ts';

export { buildEcommerceMap, ecommerceTemplate } from './ecommerce.ts';
export { buildFiveStageMap, fiveStageTemplate } from './five-stage.ts';
export { buildRetailB2cMap, retailB2cTemplate } from './retail-b2c.ts';
export { buildShoesMap, SHOES_EVENTS, shoesTemplate } from './shoes.ts';
export type { LocalisedText, MapTemplate } from './types.ts';

/**
 * Every map template, in the order a listing shows them: the three stage frameworks of the
 * sources, then the worked shoes example.
 */
export const TEMPLATES: readonly MapTemplate[] = [
  retailB2cTemplate,
  fiveStageTemplate,
  ecommerceTemplate,
  shoesTemplate,
];

/**
 * The template with this id, or `undefined`.
 *
 * @example
 * const map = templateById('five-stage')?.build('nl');
 */
export function templateById(id: string): MapTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id);
}

/** The ids of all templates, in listing order: `['retail-b2c', 'five-stage', 'ecommerce', 'shoes']`. */
export function listTemplateIds(): string[] {
  return TEMPLATES.map((template) => template.id);
}
