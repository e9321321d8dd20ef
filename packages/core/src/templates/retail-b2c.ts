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
        'The customer becomes aware of a need, prompted by friends, online ads or television.',
        'De klant wordt zich bewust van een behoefte, opgewekt door kennissen, online reclame of televisie.',
      ),
      customerGoal: t('Understand what I need', 'Begrijpen wat ik nodig heb'),
      businessGoal: t('Attract attention', 'De aandacht trekken'),
      actions: [
        t('Online ads and retargeting', 'Online advertenties en retargeting'),
        t('SEO', 'Zoekmachineoptimalisatie (SEO)'),
        t('Content marketing', 'Contentmarketing'),
        t('Social media', 'Sociale media'),
        t('TV commercials', 'Tv-reclame'),
      ],
      objections: [
        {
          id: 'ad-blindness',
          objection: t(
            'Ads all look alike; I scroll past them',
            'Advertenties lijken allemaal op elkaar; ik scrol er gewoon langs',
          ),
          remedy: t(
            'Show a real customer problem in the ad, and retarget people who already showed interest',
            'Een echt klantprobleem in de advertentie laten zien, en mensen retargeten die al interesse toonden',
          ),
          department: 'marketing',
          touchpoint: 'ad',
          kpi: 'ctr',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'cpm', target: 5, note: t('Euros per 1,000 impressions', 'Euro per 1.000 vertoningen') },
        { kpi: 'cpc', target: 0.4 },
        { kpi: 'viewability', target: 0.7 },
        {
          kpi: 'audibility',
          target: 0.6,
          note: t('Audio and video ads only', 'Alleen audio- en videoadvertenties'),
        },
        { kpi: 'ctr', target: 0.015 },
      ],
      steps: [
        {
          id: 'notices-need',
          name: t('Notices a need', 'Merkt een behoefte op'),
          description: t(
            'Something runs out, breaks or catches the eye; a friend mentions a product.',
            'Iets raakt op, gaat kapot of valt op; een kennis noemt een product.',
          ),
          touchpoints: ['word-of-mouth', 'tv-ad', 'social-media'],
          departments: ['marketing'],
          thoughts: [assume('I could use something new', 'Ik kan wel iets nieuws gebruiken')],
          motivations: [assume('A friend is enthusiastic about it', 'Een kennis is er enthousiast over')],
          feelings: { consumer: 0 },
        },
        {
          id: 'sees-ad',
          name: t('Sees an ad', 'Ziet een advertentie'),
          touchpoints: ['ad', 'social-media'],
          departments: ['marketing', 'design-editorial'],
          thoughts: [assume('That looks like what I need', 'Dat lijkt op wat ik zoek')],
          questions: [assume('Is this for me?', 'Is dit iets voor mij?')],
          opportunities: [
            assume(
              'Retarget visitors who viewed a product but did not buy',
              'Bezoekers retargeten die een product bekeken maar niet kochten',
            ),
          ],
          feelings: { consumer: 1 },
        },
      ],
    },
    {
      id: 'evaluation',
      name: t('Evaluation', 'Oriëntatie'),
      description: t(
        'The customer actively looks, mostly online, for what will meet the need; the bigger the purchase, the longer this takes. Where to buy is still open.',
        'De klant zoekt actief, meestal online, naar wat in de behoefte voorziet; hoe groter de aankoop, hoe langer dit duurt. Waar de klant koopt, ligt nog open.',
      ),
      customerGoal: t(
        'Find the options that meet my need',
        'De mogelijkheden vinden die in mijn behoefte voorzien',
      ),
      businessGoal: t('Create interest and be found', 'Interesse wekken en gevonden worden'),
      actions: [
        t('SEO and search ads', 'Zoekmachineoptimalisatie en zoekadvertenties'),
        t('Buying guides on the blog', 'Koopgidsen op het blog'),
        t('Product comparisons', 'Productvergelijkingen'),
        t('Customer reviews', 'Klantreviews'),
      ],
      objections: [
        {
          id: 'too-much-choice',
          objection: t(
            'Too many options; I cannot tell them apart',
            'Te veel keuze; ik zie het verschil niet',
          ),
          remedy: t(
            'A buying guide and a comparison table in plain language, without product codes',
            'Een koopgids en een vergelijkingstabel in gewone taal, zonder productcodes',
          ),
          department: 'design-editorial',
          touchpoint: 'blog',
          kpi: 'bounce-rate',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'bounce-rate', target: 0.4 },
        {
          kpi: 'ctr',
          target: 0.03,
          note: t('From search results to our site', 'Van zoekresultaten naar onze site'),
        },
      ],
      steps: [
        {
          id: 'searches-online',
          name: t('Searches online', 'Zoekt online'),
          touchpoints: ['search-ad', 'blog'],
          departments: ['marketing', 'design-editorial'],
          thoughts: [assume('There is so much to choose from', 'Er is zoveel keuze')],
          questions: [assume('Which options are there?', 'Welke mogelijkheden zijn er?')],
          painPoints: [
            assume(
              'Jargon and product codes make the options hard to compare',
              'Vakjargon en productcodes maken de opties moeilijk te vergelijken',
            ),
          ],
          feelings: { consumer: 0 },
        },
        {
          id: 'compares-options',
          name: t('Compares the options', 'Vergelijkt de mogelijkheden'),
          touchpoints: ['category-page', 'product-page', 'reviews'],
          departments: ['product-management', 'e-shop-management'],
          thoughts: [assume('The reviews help me choose', 'De reviews helpen me kiezen')],
          questions: [assume('What do other buyers say?', 'Wat zeggen andere kopers?')],
          opportunities: [
            assume(
              'Answer common questions on the product page, so customers need no forum',
              'Veelgestelde vragen op de productpagina beantwoorden, zodat klanten niet naar een forum hoeven',
            ),
          ],
          feelings: { consumer: 1 },
        },
      ],
    },
    {
      id: 'consideration',
      name: t('Consideration', 'Overweging'),
      description: t(
        'The customer knows what they need and prefers a brand or shop to buy it from.',
        'De klant weet wat er nodig is en heeft een voorkeur voor een merk of winkel om het te kopen.',
      ),
      customerGoal: t('Choose where to buy', 'Kiezen waar ik koop'),
      businessGoal: t('Ease the decision', 'De beslissing makkelijker maken'),
      actions: [
        t('Customer testimonials', 'Getuigenissen van klanten'),
        t('Special offers', 'Speciale aanbiedingen'),
        t('Live chat', 'Livechat'),
        t('Retargeting', 'Retargeting'),
      ],
      objections: [
        {
          id: 'trust',
          objection: t('Not sure this shop is reliable', 'Niet zeker of deze winkel betrouwbaar is'),
          remedy: t(
            'Show reviews, a quality mark and the return policy next to the price',
            'Reviews, een keurmerk en het retourbeleid naast de prijs tonen',
          ),
          department: 'e-shop-management',
          touchpoint: 'product-page',
          kpi: 'conversion-rate',
          knownBy: 'assumed',
        },
        {
          id: 'cheaper-elsewhere',
          objection: t('It is cheaper elsewhere', 'Het is elders goedkoper'),
          remedy: t(
            'A price guarantee, or a discount on the first order for newsletter subscribers',
            'Een prijsgarantie, of korting op de eerste bestelling voor abonnees van de nieuwsbrief',
          ),
          department: 'marketing',
          kpi: 'cpa',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        {
          kpi: 'conversion-rate',
          target: 0.08,
          note: t('Visitors who put something in the cart', 'Bezoekers die iets in de winkelwagen leggen'),
        },
        { kpi: 'cps', target: 25 },
        { kpi: 'cpa', target: 30 },
        { kpi: 'roas', target: 4 },
        { kpi: 'roi', target: 0.5 },
      ],
      steps: [
        {
          id: 'chooses-shop',
          name: t('Chooses a shop', 'Kiest een winkel'),
          touchpoints: ['e-shop', 'store', 'reviews'],
          departments: ['e-shop-management', 'customer-management'],
          thoughts: [assume('I have bought here before and it was fine', 'Hier heb ik eerder goed gekocht')],
          questions: [
            assume(
              'Can I bring it back if it is not right?',
              'Kan ik het terugbrengen als het niet goed is?',
            ),
          ],
          feelings: { consumer: 1 },
        },
        {
          id: 'asks-question',
          name: t('Asks a question', 'Stelt een vraag'),
          touchpoints: ['live-chat', 'store'],
          departments: ['customer-management'],
          questions: [
            assume('Is it in stock, and when can I have it?', 'Is het op voorraad, en wanneer heb ik het?'),
          ],
          painPoints: [assume('Waiting for an answer in the chat', 'Wachten op antwoord in de chat')],
          opportunities: [
            assume(
              'Show stock and delivery time on the product page',
              'Voorraad en levertijd op de productpagina tonen',
            ),
          ],
          feelings: { consumer: 0 },
        },
        {
          id: 'adds-to-cart',
          name: t('Puts it in the cart', 'Legt het in de winkelwagen'),
          touchpoints: ['cart'],
          departments: ['e-shop-management'],
          thoughts: [assume('This is the one', 'Deze wordt het')],
          feelings: { consumer: 1 },
        },
      ],
    },
    {
      id: 'purchase',
      name: t('Purchase', 'Aankoop'),
      description: t(
        'The customer buys, in the store or online, depending on price, convenience and way of life.',
        'De klant koopt, in de fysieke winkel of online, afhankelijk van prijs, gemak en levensstijl.',
      ),
      customerGoal: t('Buy quickly and safely', 'Snel en veilig kopen'),
      businessGoal: t('Complete the transaction', 'De transactie afronden'),
      actions: [
        t('Simple checkout', 'Eenvoudig afrekenen'),
        t('Delivery or pick-up in the store', 'Bezorgen of afhalen in de winkel'),
        t('Guarantees', 'Garanties'),
        t('Confirmation e-mail', 'Bevestiging per e-mail'),
      ],
      objections: [
        {
          id: 'surprise-costs',
          objection: t(
            'Unexpected shipping costs at checkout',
            'Onverwachte verzendkosten bij het afrekenen',
          ),
          remedy: t(
            'Show shipping costs on the product page and offer free pick-up in the store',
            'Verzendkosten al op de productpagina tonen en gratis afhalen in de winkel aanbieden',
          ),
          department: 'e-shop-management',
          touchpoint: 'cart',
          kpi: 'conversion-rate',
          knownBy: 'assumed',
        },
        {
          id: 'payment-trust',
          objection: t('Does not trust paying online', 'Vertrouwt online betalen niet'),
          remedy: t(
            'Offer familiar payment methods: iDEAL, credit card and pay-later',
            'Vertrouwde betaalmethoden aanbieden: iDEAL, creditcard en achteraf betalen',
          ),
          department: 'payment-service-providers',
          touchpoint: 'payment-providers',
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
          name: t('Checks out', 'Rekent af'),
          touchpoints: ['login-registration', 'payment-providers', 'terms-and-conditions', 'store'],
          departments: ['e-shop-management', 'payment-service-providers', 'legal'],
          thoughts: [assume('I hope this goes quickly', 'Als dit maar snel gaat')],
          painPoints: [assume('Having to create an account first', 'Eerst een account moeten aanmaken')],
          opportunities: [assume('Let customers check out as a guest', 'Afrekenen als gast mogelijk maken')],
          feelings: { consumer: 0 },
        },
        {
          id: 'receives-confirmation',
          name: t('Receives the order confirmation', 'Ontvangt de orderbevestiging'),
          touchpoints: ['thank-you-page', 'invoice'],
          departments: ['e-shop-management', 'accounting'],
          thoughts: [assume('Good, it worked', 'Mooi, het is gelukt')],
          feelings: { consumer: 1 },
        },
      ],
    },
    {
      id: 'advocacy',
      name: t('Advocacy', 'Ambassadeurschap'),
      description: t(
        'The journey goes on after the purchase: service keeps the customer, news and a coupon now and then bring them back, and a satisfied customer recommends us by word of mouth.',
        'Na de aankoop gaat de reis door: goede service houdt de klant vast, nieuws en af en toe een kortingsbon brengen hem terug, en een tevreden klant beveelt ons via mond-tot-mondreclame aan.',
      ),
      customerGoal: t(
        'Enjoy the product and get help when needed',
        'Plezier hebben van het product en hulp krijgen als dat nodig is',
      ),
      businessGoal: t(
        'Satisfy customers and turn them into ambassadors',
        'Klanten tevredenstellen en er ambassadeurs van maken',
      ),
      actions: [
        t('Customer support', 'Klantenondersteuning'),
        t('Newsletters with news', 'Nieuwsbrieven met actualiteiten'),
        t('A coupon now and then', 'Af en toe een kortingsbon'),
        t('Satisfaction surveys', 'Tevredenheidsonderzoeken'),
        t('Loyalty programme', 'Loyaliteitsprogramma'),
      ],
      objections: [
        {
          id: 'no-reason-to-return',
          objection: t('Why would I come back here?', 'Waarom zou ik hier terugkomen?'),
          remedy: t(
            'Stay in touch with useful news and a coupon now and then',
            'Contact houden met nuttig nieuws en af en toe een kortingsbon',
          ),
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
          target: 0.3,
          note: t('Customers without a purchase in 12 months', 'Klanten zonder aankoop in 12 maanden'),
        },
      ],
      steps: [
        {
          id: 'uses-product',
          name: t('Uses the product', 'Gebruikt het product'),
          touchpoints: ['product', 'packaging'],
          departments: ['product-management', 'logistics-service-providers'],
          thoughts: [assume('Nicely packed', 'Mooi verpakt')],
          questions: [assume('Does it do what was promised?', 'Doet het wat er beloofd werd?')],
          feelings: { consumer: 1 },
        },
        {
          id: 'contacts-service',
          name: t('Contacts customer service', 'Neemt contact op met de klantenservice'),
          touchpoints: ['faqs', 'hotline-agent'],
          departments: ['customer-management'],
          questions: [assume('How do I get this working?', 'Hoe krijg ik dit werkend?')],
          painPoints: [
            assume(
              'Cannot find the answer in the FAQs',
              'Vindt het antwoord niet bij de veelgestelde vragen',
            ),
          ],
          opportunities: [
            assume(
              'Write the FAQs in the words customers use',
              'De veelgestelde vragen schrijven in de woorden die klanten zelf gebruiken',
            ),
          ],
          feelings: { consumer: -1 },
        },
        {
          id: 'receives-offer',
          name: t('Receives news and a coupon', 'Ontvangt nieuws en een kortingsbon'),
          touchpoints: ['newsletter', 'coupon'],
          departments: ['marketing'],
          thoughts: [assume('Nice that they remember me', 'Leuk dat ze aan me denken')],
          feelings: { consumer: 1 },
        },
        {
          id: 'recommends-brand',
          name: t('Recommends the brand', 'Beveelt het merk aan'),
          touchpoints: ['satisfaction-survey', 'reviews', 'word-of-mouth'],
          departments: ['customer-management', 'marketing'],
          motivations: [assume('Helping friends with a good tip', 'Vrienden helpen met een goede tip')],
          opportunities: [
            assume(
              'Ask for a review when the customer is happiest',
              'Om een review vragen op het moment dat de klant het meest tevreden is',
            ),
          ],
          feelings: { consumer: 2 },
        },
      ],
    },
  ];
}

/**
 * The five stages of B2C retail (awareness, evaluation, consideration, purchase, advocacy) as a
 * current-state map to fill in: goals, actions, objections and KPIs per stage, and a few generic
 * steps per stage, all marked as assumed.
 */
export function buildRetailB2cMap(language: Language): JourneyMap {
  const t = translator(language);
  const mapStages = stages(t);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'retail-b2c',
    title: t('Customer journey for B2C retail', 'Klantreis voor B2C-retail'),
    language,
    style: 'current-state',
    scenario: t(
      'A consumer notices a need, looks for a solution online, chooses a shop, buys in the store or online and comes back.',
      'Een consument merkt een behoefte op, zoekt online naar een oplossing, kiest een winkel, koopt in de winkel of online en komt terug.',
    ),
    description: t(
      'Five stages for B2C retail, from the first need to the customer who comes back and recommends us: a starting point to complete with research.',
      'Vijf fasen voor B2C-retail, van de eerste behoefte tot de klant die terugkomt en ons aanbeveelt: een vertrekpunt om met klantonderzoek aan te vullen.',
    ),
    personas: [
      {
        id: 'consumer',
        name: t('Eva, consumer', 'Eva, consument'),
        description: t(
          'Buys for herself and her family, in the store and online; compares before she spends.',
          'Koopt voor zichzelf en haar gezin, in de winkel en online; vergelijkt voordat ze iets uitgeeft.',
        ),
        goals: [
          t('A good product at a fair price', 'Een goed product voor een eerlijke prijs'),
          t('Buying without hassle', 'Kopen zonder gedoe'),
        ],
      },
    ],
    departments: departments(t),
    touchpoints: touchpointsUsedBy(mapStages, t),
    stages: mapStages,
  };
}

/** The B2C retail template entry. */
export const retailB2cTemplate: MapTemplate = {
  id: 'retail-b2c',
  name: { en: 'B2C retail (5 stages)', nl: 'B2C-retail (5 fasen)' },
  description: {
    en: 'Awareness, evaluation, consideration, purchase and advocacy, with the KPIs of each stage.',
    nl: 'Bewustzijn, oriëntatie, overweging, aankoop en ambassadeurschap, met de KPI’s van elke fase.',
  },
  stages: 5,
  build: buildRetailB2cMap,
};
