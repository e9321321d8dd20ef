import type { JourneyMap } from '../schema.ts';

/** A small hand-built map for the renderer's tests: two personas, a branch, a loop, every lane. */
export function testMap(language: 'en' | 'nl' = 'en'): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'buying-shoes',
    title: 'Buying shoes online',
    language,
    style: 'current-state',
    scenario: 'Wants new running shoes before the spring run',
    personas: [
      { id: 'sam', name: 'Sam the runner' },
      { id: 'ria', name: 'Ria <bargain> hunter' },
    ],
    departments: [
      { id: 'marketing', name: 'Marketing' },
      { id: 'service', name: 'Customer service' },
      { id: 'logistics', name: 'Logistics' },
    ],
    touchpoints: [
      { id: 'ad', name: 'Ad & banner', channel: 'display', mode: 'online', department: 'marketing' },
      { id: 'shop', name: 'E-shop', channel: 'web', mode: 'online' },
      { id: 'parcel', name: 'Parcel <box>', channel: 'delivery', mode: 'offline', department: 'logistics' },
      { id: 'hotline', name: 'Hotline', channel: 'phone', mode: 'offline', department: 'service' },
    ],
    stages: [
      {
        id: 'awareness',
        name: 'Awareness & <interest>',
        customerGoal: 'Find shoes that fit my running',
        businessGoal: 'Attract attention',
        kpis: [
          { kpi: 'ctr', target: 0.02, actual: 0.025 },
          { kpi: 'cpc', target: 0.5, actual: 0.8 },
        ],
        steps: [
          {
            id: 'clicks-ad',
            name: 'Clicks an ad & lands on <page>',
            touchpoints: ['ad'],
            thoughts: ['These look nice'],
            feelings: { sam: 1, ria: 0 },
          },
          {
            id: 'browses',
            name: 'Browses the e-shop',
            touchpoints: ['shop'],
            questions: [{ text: 'Do they have my size?', knownBy: 'observed' }],
            motivations: ['A good deal'],
            feelings: { sam: 2 },
          },
        ],
      },
      {
        id: 'purchase',
        name: 'Purchase',
        kpis: [{ kpi: 'bounce-rate', target: 0.4, actual: 0.3 }],
        steps: [
          {
            id: 'checkout',
            name: 'Goes through checkout',
            touchpoints: ['shop'],
            departments: ['service'],
            next: ['waits', 'saves-cart'],
            painPoints: [{ text: 'Shipping costs appear late', knownBy: 'observed' }],
            opportunities: [{ text: 'Show shipping costs on the product page', knownBy: 'proposed' }],
            feelings: { sam: -2, ria: -1 },
            evidence: [{ id: 'int-1', source: 'interview', participants: 8, quote: 'I almost gave up here' }],
          },
          {
            id: 'saves-cart',
            name: 'Saves the cart for later',
            next: ['browses'],
            subJourney: { map: 'saved-carts' },
          },
          {
            id: 'waits',
            name: 'Waits for the parcel',
            touchpoints: ['parcel', 'hotline'],
            feelings: { sam: 0, ria: 1 },
          },
        ],
      },
    ],
  };
}
