import {
  CURRENT_SCHEMA_VERSION,
  type JourneyMap,
  type LaneItem,
  type Language,
  type Stage,
} from '../schema.ts';
import { assumed, departments, type Translate, touchpointsUsedBy, translator } from './common.ts';
import type { MapTemplate } from './types.ts';

function stages(t: Translate): Stage[] {
  const assume = (en: string, nl: string): LaneItem => assumed(t(en, nl));
  return [
    {
      id: 'awareness',
      name: t('Awareness', 'Bewustzijn'),
      description: t(
        'The customer notices a need and meets the brand for the first time.',
        'De klant merkt een behoefte op en komt voor het eerst in aanraking met het merk.',
      ),
      customerGoal: t('Find ideas for what I need', 'Ideeën opdoen voor wat ik nodig heb'),
      businessGoal: t('Attract attention', 'De aandacht trekken'),
      actions: [
        t('Online ads and retargeting', 'Online advertenties en retargeting'),
        t('SEO', 'Zoekmachineoptimalisatie (SEO)'),
        t('Content marketing on the blog', 'Contentmarketing op het blog'),
        t('Social media', 'Sociale media'),
      ],
      objections: [
        {
          id: 'not-relevant',
          objection: t(
            'The ad is about something I do not need',
            'De advertentie gaat over iets wat ik niet nodig heb',
          ),
          remedy: t(
            'Target on interests, and retarget only recent visitors',
            'Op interesses richten, en alleen recente bezoekers retargeten',
          ),
          department: 'marketing',
          touchpoint: 'ad',
          kpi: 'ctr',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'cpm', target: 6, note: t('Euros per 1,000 impressions', 'Euro per 1.000 vertoningen') },
        { kpi: 'cpc', target: 0.45 },
        { kpi: 'viewability', target: 0.7 },
        { kpi: 'audibility', target: 0.5, note: t('Video ads only', 'Alleen videoadvertenties') },
        { kpi: 'ctr', target: 0.02 },
      ],
      steps: [
        {
          id: 'has-need',
          name: t('Has a need', 'Heeft een behoefte'),
          touchpoints: ['blog', 'social-media'],
          departments: ['marketing', 'design-editorial'],
          thoughts: [assume('I need something new', 'Ik heb iets nieuws nodig')],
          questions: [assume('Where do I start looking?', 'Waar begin ik met zoeken?')],
          feelings: { 'online-shopper': 0 },
        },
        {
          id: 'clicks-ad',
          name: t('Clicks an ad to a landing page', 'Klikt op een advertentie en komt op een landingspagina'),
          touchpoints: ['ad', 'landing-page'],
          departments: ['marketing'],
          thoughts: [assume('That looks interesting', 'Dat ziet er interessant uit')],
          opportunities: [
            assume(
              'Make the landing page keep the promise of the ad',
              'De landingspagina laten aansluiten op de belofte van de advertentie',
            ),
          ],
          feelings: { 'online-shopper': 1 },
        },
      ],
    },
    {
      id: 'consideration',
      name: t('Consideration', 'Overweging'),
      description: t(
        'The customer browses the e-shop, compares products and weighs up whether to buy here.',
        'De klant bladert door de webwinkel, vergelijkt producten en weegt af of hij hier koopt.',
      ),
      customerGoal: t('Find the product that suits me best', 'Het product vinden dat het best bij me past'),
      businessGoal: t('Create interest and engagement', 'Interesse wekken en betrokkenheid stimuleren'),
      actions: [
        t('Product comparisons', 'Productvergelijkingen'),
        t('Customer reviews and testimonials', 'Klantreviews en getuigenissen'),
        t('Newsletter sign-up with a welcome discount', 'Aanmelden voor de nieuwsbrief met welkomstkorting'),
        t('Live chat', 'Livechat'),
      ],
      objections: [
        {
          id: 'cannot-try',
          objection: t('Cannot feel or try the product', 'Kan het product niet voelen of uitproberen'),
          remedy: t(
            'Detailed photos, a size chart and reviews from other buyers',
            'Gedetailleerde foto’s, een maattabel en reviews van andere kopers',
          ),
          department: 'product-management',
          touchpoint: 'product-page',
          kpi: 'conversion-rate',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'bounce-rate', target: 0.4 },
        {
          kpi: 'ctr',
          target: 0.05,
          note: t('From category page to product page', 'Van categoriepagina naar productpagina'),
        },
        {
          kpi: 'conversion-rate',
          target: 0.08,
          note: t('Visitors who put something in the cart', 'Bezoekers die iets in de winkelwagen leggen'),
        },
        { kpi: 'cpa', target: 30 },
        { kpi: 'roas', target: 4 },
      ],
      steps: [
        {
          id: 'browses-e-shop',
          name: t('Browses the e-shop', 'Bladert door de webwinkel'),
          touchpoints: ['e-shop', 'category-page', 'app'],
          departments: ['e-shop-management'],
          thoughts: [assume('Plenty to choose from', 'Genoeg keuze')],
          questions: [assume('Which one suits me?', 'Welke past bij mij?')],
          feelings: { 'online-shopper': 1 },
        },
        {
          id: 'compares-products',
          name: t('Compares products', 'Vergelijkt producten'),
          touchpoints: ['product-page', 'reviews', 'live-chat'],
          departments: ['product-management', 'design-editorial'],
          questions: [assume('Is it worth the price?', 'Is het de prijs waard?')],
          painPoints: [
            assume(
              'The product pages do not answer my questions',
              'De productpagina’s geven geen antwoord op mijn vragen',
            ),
          ],
          opportunities: [
            assume(
              'Add a comparison table and a chat button',
              'Een vergelijkingstabel en een chatknop toevoegen',
            ),
          ],
          feelings: { 'online-shopper': 0 },
        },
        {
          id: 'signs-up',
          name: t('Signs up for the newsletter', 'Meldt zich aan voor de nieuwsbrief'),
          touchpoints: ['form', 'newsletter'],
          departments: ['marketing'],
          motivations: [assume('A welcome discount', 'Een welkomstkorting')],
          feelings: { 'online-shopper': 1 },
        },
      ],
    },
    {
      id: 'purchase',
      name: t('Purchase', 'Aankoop'),
      description: t(
        'The customer puts the order in the cart, checks out and pays.',
        'De klant legt de bestelling in de winkelwagen, rekent af en betaalt.',
      ),
      customerGoal: t('Order and pay quickly and safely', 'Snel en veilig bestellen en betalen'),
      businessGoal: t('Complete the transaction', 'De transactie afronden'),
      actions: [
        t('Simple checkout', 'Eenvoudig afrekenen'),
        t('Familiar payment methods', 'Vertrouwde betaalmethoden'),
        t('Delivery options', 'Leveringsopties'),
        t('Guarantees', 'Garanties'),
      ],
      objections: [
        {
          id: 'forced-account',
          objection: t('Has to create an account to order', 'Moet een account aanmaken om te bestellen'),
          remedy: t('Allow guest checkout', 'Bestellen als gast mogelijk maken'),
          department: 'e-shop-management',
          touchpoint: 'login-registration',
          kpi: 'conversion-rate',
          knownBy: 'assumed',
        },
        {
          id: 'hidden-costs',
          objection: t('Shipping costs appear only at the end', 'Verzendkosten verschijnen pas aan het eind'),
          remedy: t(
            'Show shipping costs and delivery time on the product page',
            'Verzendkosten en levertijd al op de productpagina tonen',
          ),
          department: 'e-shop-management',
          touchpoint: 'cart',
          kpi: 'conversion-rate',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        {
          kpi: 'conversion-rate',
          target: 0.6,
          note: t('Checkouts that end in an order', 'Afrekenpogingen die tot een bestelling leiden'),
        },
        { kpi: 'cps', target: 20 },
        { kpi: 'cpa', target: 35 },
        { kpi: 'roas', target: 5 },
        { kpi: 'roi', target: 0.8 },
      ],
      steps: [
        {
          id: 'checks-out',
          name: t('Goes through checkout', 'Rekent af'),
          touchpoints: ['cart', 'login-registration', 'form', 'payment-providers', 'terms-and-conditions'],
          departments: ['e-shop-management', 'payment-service-providers', 'legal'],
          thoughts: [assume('Almost there', 'Bijna klaar')],
          painPoints: [assume('Long forms', 'Lange formulieren')],
          opportunities: [
            assume(
              'Fill in the address from the postcode and house number',
              'Het adres automatisch invullen op basis van postcode en huisnummer',
            ),
          ],
          feelings: { 'online-shopper': 0 },
        },
        {
          id: 'thank-you-page',
          name: t('Lands on the thank-you page', 'Komt op de bedankpagina'),
          touchpoints: ['thank-you-page', 'invoice'],
          departments: ['e-shop-management', 'accounting'],
          thoughts: [assume('Done', 'Gelukt')],
          questions: [assume('When will it arrive?', 'Wanneer wordt het bezorgd?')],
          feelings: { 'online-shopper': 1 },
        },
      ],
    },
    {
      id: 'service',
      name: t('Service', 'Service'),
      description: t(
        'After the order: delivery, unboxing, questions and returns.',
        'Na de bestelling: levering, uitpakken, vragen en retourneren.',
      ),
      customerGoal: t(
        'Receive the order as promised, and get help when needed',
        'De bestelling ontvangen zoals beloofd, en hulp krijgen als dat nodig is',
      ),
      businessGoal: t('Satisfy the customer', 'Zorgen voor tevreden klanten'),
      actions: [
        t('Delivery tracking', 'De bezorging volgen via track & trace'),
        t('A well-kept unboxing experience', 'Een verzorgde uitpakervaring'),
        t('Customer support', 'Klantenondersteuning'),
        t('A clear return policy', 'Een duidelijk retourbeleid'),
      ],
      objections: [
        {
          id: 'return-hassle',
          objection: t('Returning looks complicated', 'Retourneren lijkt ingewikkeld'),
          remedy: t(
            'A return label in the parcel and the steps on one page',
            'Een retouretiket in het pakket en de stappen op één pagina',
          ),
          department: 'logistics-service-providers',
          touchpoint: 'return-label',
          kpi: 'nps',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        {
          kpi: 'nps',
          target: 30,
          note: t(
            'Asked after delivery or after contact with customer service',
            'Gevraagd na de levering of na contact met de klantenservice',
          ),
        },
      ],
      steps: [
        {
          id: 'waits-for-delivery',
          name: t('Waits for the delivery', 'Wacht op de levering'),
          touchpoints: ['shipping-updates'],
          departments: ['logistics-service-providers'],
          questions: [assume('Where is my parcel?', 'Waar blijft mijn pakket?')],
          painPoints: [assume('No clear delivery time', 'Geen duidelijk bezorgmoment')],
          opportunities: [
            assume(
              'Send a delivery window on the morning of delivery',
              'Op de ochtend van de bezorging een tijdvak sturen',
            ),
          ],
          feelings: { 'online-shopper': 0 },
        },
        {
          id: 'receives-order',
          name: t('Receives the order', 'Ontvangt de bestelling'),
          touchpoints: ['packaging', 'delivery-note', 'inserts', 'product'],
          departments: ['logistics-service-providers', 'product-management'],
          thoughts: [assume('Nicely packed', 'Mooi verpakt')],
          feelings: { 'online-shopper': 2 },
        },
        {
          id: 'asks-for-help',
          name: t('Asks for help', 'Vraagt om hulp'),
          touchpoints: ['faqs', 'ivr', 'hotline-agent', 'return-label'],
          departments: ['customer-management'],
          thoughts: [
            assume(
              'Do I really have to call for something this simple?',
              'Moet ik nu echt bellen voor zoiets simpels?',
            ),
          ],
          painPoints: [assume('A long wait in the phone menu', 'Lang wachten in het keuzemenu')],
          opportunities: [
            assume(
              'Answer the most common questions in the FAQs and in the chat',
              'De meest gestelde vragen beantwoorden bij de veelgestelde vragen en in de chat',
            ),
          ],
          feelings: { 'online-shopper': -1 },
        },
      ],
    },
    {
      id: 'loyalty',
      name: t('Loyalty', 'Loyaliteit'),
      description: t(
        'The customer comes back, writes a review and recommends us; the shop keeps in touch with news and now and then a coupon.',
        'De klant komt terug, schrijft een review en beveelt ons aan; de winkel houdt contact met nieuws en af en toe een kortingsbon.',
      ),
      customerGoal: t('Be rewarded for coming back', 'Beloond worden voor het terugkomen'),
      businessGoal: t('Turn customers into ambassadors', 'Klanten ambassadeurs van het merk maken'),
      actions: [
        t('Loyalty programme', 'Loyaliteitsprogramma'),
        t('Personalised newsletters', 'Gepersonaliseerde nieuwsbrieven'),
        t('Satisfaction surveys', 'Tevredenheidsonderzoeken'),
        t('Review campaign', 'Reviewcampagne'),
      ],
      objections: [
        {
          id: 'too-many-emails',
          objection: t('Too many e-mails', 'Te veel e-mails'),
          remedy: t('Fewer, personalised newsletters', 'Minder, maar gepersonaliseerde nieuwsbrieven'),
          department: 'marketing',
          touchpoint: 'newsletter',
          kpi: 'churn-rate',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'nps', target: 40 },
        {
          kpi: 'churn-rate',
          target: 0.25,
          note: t('Customers without an order in 12 months', 'Klanten zonder bestelling in 12 maanden'),
        },
      ],
      steps: [
        {
          id: 'reads-newsletter',
          name: t('Reads the newsletter', 'Leest de nieuwsbrief'),
          touchpoints: ['newsletter'],
          departments: ['marketing', 'design-editorial'],
          thoughts: [assume('Useful tips', 'Handige tips')],
          feelings: { 'online-shopper': 1 },
        },
        {
          id: 'writes-review',
          name: t('Writes a review', 'Schrijft een review'),
          touchpoints: ['satisfaction-survey', 'reviews'],
          departments: ['customer-management'],
          motivations: [assume('Helping other buyers', 'Andere kopers helpen')],
          feelings: { 'online-shopper': 1 },
        },
        {
          id: 'orders-again',
          name: t('Orders again with a coupon', 'Bestelt opnieuw met een kortingsbon'),
          touchpoints: ['coupon', 'e-shop'],
          departments: ['marketing', 'e-shop-management'],
          thoughts: [assume('This shop treats me well', 'Deze winkel zorgt goed voor me')],
          opportunities: [
            assume(
              'Reward the second order with free shipping',
              'De tweede bestelling belonen met gratis verzending',
            ),
          ],
          feelings: { 'online-shopper': 2 },
        },
      ],
    },
  ];
}

/**
 * The five-stage journey (awareness, consideration, purchase, service, loyalty) of a web shop as a
 * current-state map to fill in, with the usual touchpoints and all nine departments; every lane
 * item is assumed.
 */
export function buildFiveStageMap(language: Language): JourneyMap {
  const t = translator(language);
  const mapStages = stages(t);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'five-stage',
    title: t('Customer journey in five stages', 'Klantreis in vijf fasen'),
    language,
    style: 'current-state',
    scenario: t(
      'A visitor clicks an ad, orders in the e-shop, receives the order, gets help when something is unclear and orders again.',
      'Een bezoeker klikt op een advertentie, bestelt in de webwinkel, ontvangt de bestelling, krijgt hulp als iets onduidelijk is en bestelt opnieuw.',
    ),
    description: t(
      'Awareness, consideration, purchase, service and loyalty for an e-shop: a starting point with the usual touchpoints and departments.',
      'Bewustzijn, overweging, aankoop, service en loyaliteit voor een webwinkel: een vertrekpunt met de gangbare touchpoints en afdelingen.',
    ),
    personas: [
      {
        id: 'online-shopper',
        name: t('Daan, online shopper', 'Daan, online shopper'),
        description: t(
          'Orders most things online, mostly on his phone; expects fast delivery and free returns.',
          'Bestelt bijna alles online, meestal op zijn telefoon; verwacht snelle levering en gratis retourneren.',
        ),
        goals: [
          t('The right product without searching for long', 'Het juiste product zonder lang te zoeken'),
          t('Delivered fast, easy to return', 'Snel in huis, makkelijk terug te sturen'),
        ],
      },
    ],
    departments: departments(t),
    touchpoints: touchpointsUsedBy(mapStages, t),
    stages: mapStages,
  };
}

/** The five-stage template entry. */
export const fiveStageTemplate: MapTemplate = {
  id: 'five-stage',
  name: { en: 'Five stages', nl: 'Vijf fasen' },
  description: {
    en: 'Awareness, consideration, purchase, service and loyalty, for an e-shop with the usual touchpoints.',
    nl: 'Bewustzijn, overweging, aankoop, service en loyaliteit, voor een webwinkel met de gangbare touchpoints.',
  },
  stages: 5,
  build: buildFiveStageMap,
};
