import {
  CURRENT_SCHEMA_VERSION,
  type JourneyMap,
  type LaneItem,
  type Language,
  type Stage,
} from '../schema.ts';
import { assumed, departments, type Translate, touchpointsUsedBy, translator } from './common.ts';
import type { MapTemplate } from './types.ts';

const PERSONA = 'web-shop-customer';

function stages(t: Translate): Stage[] {
  const assume = (en: string, nl: string): LaneItem => assumed(t(en, nl));
  return [
    {
      id: 'discovery',
      name: t('Discovery', 'Ontdekking'),
      description: t(
        'The potential customer discovers the product or the shop.',
        'De potentiële klant ontdekt het product of de winkel.',
      ),
      customerGoal: t('Find something that meets a need', 'Iets vinden dat in een behoefte voorziet'),
      businessGoal: t(
        'Catch the attention of the potential customer',
        'De aandacht van de potentiële klant trekken',
      ),
      actions: [
        t('Online advertising', 'Online adverteren'),
        t('SEO', 'Zoekmachineoptimalisatie (SEO)'),
        t('Content marketing', 'Contentmarketing'),
        t('Social networks', 'Sociale netwerken'),
      ],
      objections: [
        {
          id: 'unknown-shop',
          objection: t('Never heard of this shop', 'Nog nooit van deze winkel gehoord'),
          remedy: t(
            'Helpful content and reviews that show who we are',
            'Nuttige content en reviews die laten zien wie we zijn',
          ),
          department: 'design-editorial',
          touchpoint: 'blog',
          kpi: 'ctr',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'cpm', target: 5, note: t('Euros per 1,000 impressions', 'Euro per 1.000 vertoningen') },
        { kpi: 'cpc', target: 0.35 },
        { kpi: 'viewability', target: 0.7 },
        { kpi: 'audibility', target: 0.5, note: t('Video ads only', 'Alleen videoadvertenties') },
        { kpi: 'ctr', target: 0.015 },
      ],
      steps: [
        {
          id: 'sees-post-or-ad',
          name: t('Sees a post or an ad', 'Ziet een bericht of advertentie'),
          touchpoints: ['social-media', 'ad'],
          departments: ['marketing'],
          thoughts: [assume('That looks nice', 'Dat ziet er leuk uit')],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'searches-product',
          name: t('Searches for the product', 'Zoekt naar het product'),
          touchpoints: ['search-ad', 'blog', 'landing-page'],
          departments: ['marketing', 'design-editorial'],
          questions: [assume('Who sells this, and for how much?', 'Wie verkoopt dit, en voor hoeveel?')],
          opportunities: [
            assume(
              'Buying guides that answer the questions customers search for',
              'Koopgidsen die antwoord geven op de vragen waarop klanten zoeken',
            ),
          ],
          feelings: { [PERSONA]: 0 },
        },
      ],
    },
    {
      id: 'consideration',
      name: t('Consideration', 'Overweging'),
      description: t(
        'The customer compares products and shops and decides whether this shop is worth a closer look.',
        'De klant vergelijkt producten en winkels en bepaalt of deze winkel een nadere blik waard is.',
      ),
      customerGoal: t('Compare the options', 'De opties vergelijken'),
      businessGoal: t(
        'Create interest and encourage engagement',
        'Interesse wekken en betrokkenheid stimuleren',
      ),
      actions: [
        t('Product comparisons', 'Productvergelijkingen'),
        t('Customer testimonials', 'Getuigenissen van klanten'),
        t('Newsletters', 'Nieuwsbrieven'),
      ],
      objections: [
        {
          id: 'hard-to-compare',
          objection: t(
            'Hard to see how the products differ',
            'Moeilijk te zien waarin de producten verschillen',
          ),
          remedy: t(
            'A comparison table with the same features for every product',
            'Een vergelijkingstabel met dezelfde kenmerken voor elk product',
          ),
          department: 'product-management',
          touchpoint: 'category-page',
          kpi: 'bounce-rate',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'bounce-rate', target: 0.45 },
        {
          kpi: 'ctr',
          target: 0.04,
          note: t('From the newsletter to the shop', 'Van de nieuwsbrief naar de winkel'),
        },
      ],
      steps: [
        {
          id: 'browses-categories',
          name: t('Browses the categories', 'Bladert door de categorieën'),
          touchpoints: ['e-shop', 'category-page', 'app'],
          departments: ['e-shop-management'],
          thoughts: [assume('A good range', 'Een mooi aanbod')],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'compares-products',
          name: t('Compares products', 'Vergelijkt producten'),
          touchpoints: ['product-page', 'reviews'],
          departments: ['product-management', 'design-editorial'],
          questions: [assume('What do other customers think?', 'Wat vinden andere klanten ervan?')],
          painPoints: [
            assume(
              'Each product page lists different specifications',
              'Elke productpagina noemt andere specificaties',
            ),
          ],
          opportunities: [
            assume('Show testimonials next to the comparison', 'Getuigenissen naast de vergelijking tonen'),
          ],
          feelings: { [PERSONA]: 0 },
        },
        {
          id: 'subscribes-newsletter',
          name: t('Subscribes to the newsletter', 'Schrijft zich in voor de nieuwsbrief'),
          touchpoints: ['form', 'newsletter'],
          departments: ['marketing'],
          motivations: [assume('Hearing about offers first', 'Als eerste horen over aanbiedingen')],
          feelings: { [PERSONA]: 1 },
        },
      ],
    },
    {
      id: 'decision',
      name: t('Decision', 'Beslissing'),
      description: t(
        'The customer chooses the product and the shop, often after some doubt or a question; a cart may be left for later.',
        'De klant kiest het product en de winkel, vaak na enige twijfel of een vraag; soms blijft een winkelwagen voor later staan.',
      ),
      customerGoal: t('Be sure of the choice', 'Zeker zijn van de keuze'),
      businessGoal: t('Make the purchase decision easier', 'De aankoopbeslissing vergemakkelijken'),
      actions: [
        t('Special offers', 'Speciale aanbiedingen'),
        t('Customer reviews', 'Klantbeoordelingen'),
        t('Product demonstrations', 'Productdemonstraties'),
        t('Live chat', 'Livechat'),
      ],
      objections: [
        {
          id: 'unsure-it-suits',
          objection: t('Not sure the product suits me', 'Niet zeker of het product bij me past'),
          remedy: t(
            'A product video and a live chat with a specialist',
            'Een productvideo en een livechat met een specialist',
          ),
          department: 'customer-management',
          touchpoint: 'live-chat',
          kpi: 'conversion-rate',
          knownBy: 'assumed',
        },
        {
          id: 'waits-for-a-deal',
          objection: t('Waits for a better offer', 'Wacht op een betere aanbieding'),
          remedy: t(
            'A short-lived offer for customers who left their cart',
            'Een tijdelijke aanbieding voor klanten die hun winkelwagen lieten staan',
          ),
          department: 'marketing',
          touchpoint: 'cart-reminder',
          kpi: 'roas',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        {
          kpi: 'conversion-rate',
          target: 0.1,
          note: t(
            'Product page visitors who put something in the cart',
            'Bezoekers van productpagina’s die iets in de winkelwagen leggen',
          ),
        },
        { kpi: 'cps', target: 25 },
        { kpi: 'cpa', target: 30 },
        { kpi: 'roas', target: 4 },
        { kpi: 'roi', target: 0.5 },
      ],
      steps: [
        {
          id: 'asks-question',
          name: t('Asks a question in the live chat', 'Stelt een vraag in de livechat'),
          touchpoints: ['live-chat', 'faqs'],
          departments: ['customer-management'],
          thoughts: [assume('A quick answer, that helps', 'Snel antwoord, dat helpt')],
          questions: [assume('Will it arrive before the weekend?', 'Is het er voor het weekend?')],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'adds-to-cart',
          name: t('Puts it in the cart', 'Legt het in de winkelwagen'),
          touchpoints: ['cart'],
          departments: ['e-shop-management'],
          // Either on to checkout, or the cart is left and a reminder brings the customer back.
          next: ['checks-out', 'leaves-cart'],
          thoughts: [assume('I will take it', 'Ik neem het')],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'leaves-cart',
          name: t('Leaves the cart for later', 'Laat de winkelwagen staan voor later'),
          touchpoints: ['cart'],
          departments: ['e-shop-management'],
          thoughts: [assume('Let me think it over', 'Ik denk er nog even over na')],
          painPoints: [assume('Shipping costs turn up late', 'De verzendkosten duiken pas laat op')],
          opportunities: [
            assume('Keep the cart on every device', 'De winkelwagen op al je apparaten bewaren'),
          ],
          feelings: { [PERSONA]: -1 },
        },
        {
          id: 'gets-cart-reminder',
          name: t('Gets a reminder about the cart', 'Krijgt een herinnering over de winkelwagen'),
          touchpoints: ['cart-reminder', 'ad'],
          departments: ['marketing'],
          next: ['adds-to-cart'],
          thoughts: [assume('Oh right, I still wanted that', 'O ja, dat wilde ik nog hebben')],
          opportunities: [
            assume(
              'Show the product’s reviews in the reminder',
              'De reviews van het product in de herinnering tonen',
            ),
          ],
          feelings: { [PERSONA]: 0 },
        },
      ],
    },
    {
      id: 'purchase',
      name: t('Purchase', 'Aankoop'),
      description: t(
        'The customer checks out, chooses how to receive the order and pays.',
        'De klant rekent af, kiest een leveringsoptie en betaalt.',
      ),
      customerGoal: t(
        'Pay quickly and safely and know when it arrives',
        'Snel en veilig betalen en weten wanneer het komt',
      ),
      businessGoal: t('Complete the transaction', 'De transactie voltooien'),
      actions: [
        t('A simplified payment process', 'Een vereenvoudigd betalingsproces'),
        t('Delivery options', 'Leveringsopties'),
        t('Guarantees', 'Garanties'),
      ],
      objections: [
        {
          id: 'payment-method-missing',
          objection: t('My preferred payment method is missing', 'Mijn favoriete betaalmethode ontbreekt'),
          remedy: t(
            'Offer iDEAL, credit card and pay-later',
            'iDEAL, creditcard en achteraf betalen aanbieden',
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
          target: 0.65,
          note: t('Checkouts that end in an order', 'Afrekenpogingen die tot een bestelling leiden'),
        },
        { kpi: 'cps', target: 18 },
        { kpi: 'cpa', target: 32 },
        { kpi: 'roas', target: 5 },
        { kpi: 'roi', target: 0.8 },
      ],
      steps: [
        {
          id: 'checks-out',
          name: t('Checks out', 'Rekent af'),
          touchpoints: ['login-registration', 'form', 'terms-and-conditions'],
          departments: ['e-shop-management', 'legal'],
          questions: [assume('Which delivery option suits me?', 'Welke leveringsoptie past bij mij?')],
          feelings: { [PERSONA]: 0 },
        },
        {
          id: 'pays',
          name: t('Pays', 'Betaalt'),
          touchpoints: ['payment-providers'],
          departments: ['payment-service-providers', 'accounting'],
          thoughts: [assume('Good, I can pay with iDEAL', 'Fijn, ik kan met iDEAL betalen')],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'receives-confirmation',
          name: t('Receives the order confirmation', 'Ontvangt de orderbevestiging'),
          touchpoints: ['thank-you-page', 'invoice'],
          departments: ['e-shop-management', 'accounting'],
          thoughts: [assume('Everything is in order', 'Alles is in orde')],
          feelings: { [PERSONA]: 1 },
        },
      ],
    },
    {
      id: 'after-sales',
      name: t('After-sales service', 'Dienst na verkoop'),
      description: t(
        'Delivery, unboxing, questions and returns: the service after the sale decides whether the customer comes back.',
        'Levering, uitpakken, vragen en retourneren: de dienst na verkoop bepaalt of de klant terugkomt.',
      ),
      customerGoal: t(
        'Receive the order as promised, and get help if something is wrong',
        'De bestelling ontvangen zoals beloofd, en hulp krijgen als er iets mis is',
      ),
      businessGoal: t(
        'Ensure customer satisfaction and loyalty',
        'Zorgen voor klanttevredenheid en -loyaliteit',
      ),
      actions: [
        t('Confirmation by e-mail', 'Bevestiging per e-mail'),
        t('Delivery tracking', 'Volgen van de levering'),
        t('Customer support', 'Klantenondersteuning'),
        t('Loyalty programmes', 'Loyaliteitsprogramma’s'),
      ],
      objections: [
        {
          id: 'late-delivery',
          objection: t(
            'The parcel is late and nobody says why',
            'Het pakket is te laat en niemand laat weten waarom',
          ),
          remedy: t(
            'Send shipping updates unasked, with a new delivery time',
            'Uit eigen beweging verzendupdates sturen, met een nieuw bezorgmoment',
          ),
          department: 'logistics-service-providers',
          touchpoint: 'shipping-updates',
          kpi: 'nps',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        {
          kpi: 'nps',
          target: 30,
          note: t('Asked a week after delivery', 'Gevraagd een week na de levering'),
        },
      ],
      steps: [
        {
          id: 'tracks-delivery',
          name: t('Tracks the delivery', 'Volgt de levering'),
          touchpoints: ['shipping-updates', 'app'],
          departments: ['logistics-service-providers'],
          questions: [assume('Will I be home when it comes?', 'Ben ik thuis als het komt?')],
          painPoints: [assume('The delivery window is too wide', 'Het bezorgvenster is te ruim')],
          opportunities: [
            assume(
              'Let the customer choose a delivery time or a pick-up point',
              'De klant een bezorgmoment of afhaalpunt laten kiezen',
            ),
          ],
          feelings: { [PERSONA]: 0 },
        },
        {
          id: 'unboxes-order',
          name: t('Unboxes the order', 'Pakt de bestelling uit'),
          touchpoints: ['packaging', 'delivery-note', 'inserts', 'product'],
          departments: ['logistics-service-providers', 'design-editorial', 'product-management'],
          thoughts: [
            assume('Nicely packed, with a handy card', 'Mooi verpakt, met een handig kaartje erbij'),
          ],
          feelings: { [PERSONA]: 2 },
        },
        {
          id: 'contacts-support',
          name: t('Contacts customer service', 'Neemt contact op met de klantenservice'),
          touchpoints: ['faqs', 'hotline-agent', 'return-label'],
          departments: ['customer-management', 'logistics-service-providers'],
          thoughts: [assume('I hope returning is easy', 'Hopelijk is retourneren makkelijk')],
          painPoints: [assume('Has to explain the problem twice', 'Moet het probleem twee keer uitleggen')],
          opportunities: [
            assume(
              'Show the agent the order history before the call starts',
              'De medewerker de bestelgeschiedenis laten zien voordat het gesprek begint',
            ),
          ],
          feelings: { [PERSONA]: -1 },
        },
      ],
    },
    {
      id: 'building-loyalty',
      name: t('Building loyalty', 'Klantloyaliteit opbouwen'),
      description: t(
        'The customer comes back and talks about us; the shop rewards loyalty and asks for feedback.',
        'De klant komt terug en vertelt over ons; de winkel beloont trouw en vraagt om feedback.',
      ),
      customerGoal: t('Be valued as a regular customer', 'Gewaardeerd worden als vaste klant'),
      businessGoal: t(
        'Turn customers into ambassadors of the brand',
        'Van klanten ambassadeurs van het merk maken',
      ),
      actions: [
        t('Loyalty programmes', 'Loyaliteitsprogramma’s'),
        t('Personalised newsletters', 'Gepersonaliseerde nieuwsbrieven'),
        t('Satisfaction surveys', 'Tevredenheidsonderzoeken'),
      ],
      objections: [
        {
          id: 'no-reason-to-return',
          objection: t('Sees no reason to buy here again', 'Ziet geen reden om hier opnieuw te kopen'),
          remedy: t(
            'Points on every order, and offers that fit earlier purchases',
            'Punten bij elke bestelling, en aanbiedingen die passen bij eerdere aankopen',
          ),
          department: 'customer-management',
          touchpoint: 'coupon',
          kpi: 'churn-rate',
          knownBy: 'assumed',
        },
      ],
      kpis: [
        { kpi: 'nps', target: 45 },
        {
          kpi: 'churn-rate',
          target: 0.2,
          note: t('Customers without an order in 12 months', 'Klanten zonder bestelling in 12 maanden'),
        },
      ],
      steps: [
        {
          id: 'answers-survey',
          name: t('Answers the satisfaction survey', 'Vult het tevredenheidsonderzoek in'),
          touchpoints: ['satisfaction-survey'],
          departments: ['customer-management'],
          thoughts: [assume('Good that they ask', 'Goed dat ze het vragen')],
          questions: [
            assume('Will anything be done with my answers?', 'Wordt er iets met mijn antwoorden gedaan?'),
          ],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'joins-loyalty-programme',
          name: t('Joins the loyalty programme', 'Wordt lid van het loyaliteitsprogramma'),
          touchpoints: ['login-registration', 'app', 'coupon'],
          departments: ['customer-management', 'marketing'],
          motivations: [assume('Saving points for a discount', 'Punten sparen voor korting')],
          feelings: { [PERSONA]: 1 },
        },
        {
          id: 'recommends-shop',
          name: t('Recommends the shop', 'Beveelt de winkel aan'),
          touchpoints: ['reviews', 'social-media'],
          departments: ['marketing'],
          motivations: [assume('Proud of a good find', 'Trots op een goede vondst')],
          opportunities: [
            assume(
              'A discount for both the customer and the friend they bring',
              'Korting voor zowel de klant als de vriend die hij aanbrengt',
            ),
          ],
          feelings: { [PERSONA]: 2 },
        },
      ],
    },
  ];
}

/**
 * The six stages of e-commerce (discovery, consideration, decision, purchase, after-sales service,
 * building loyalty), each with its goal and the actions that reach it, as a current-state map to
 * fill in. The decision stage shows a non-linear journey: a cart left for later and a reminder that
 * brings the customer back to it. Every lane item is assumed.
 */
export function buildEcommerceMap(language: Language): JourneyMap {
  const t = translator(language);
  const mapStages = stages(t);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: 'ecommerce',
    title: t('E-commerce customer journey', 'Klantreis voor e-commerce'),
    language,
    style: 'current-state',
    scenario: t(
      'A potential customer discovers the shop, compares, hesitates at the cart, buys, is helped after the sale and becomes a regular customer.',
      'Een potentiële klant ontdekt de winkel, vergelijkt, twijfelt bij de winkelwagen, koopt, wordt na de aankoop goed geholpen en wordt vaste klant.',
    ),
    description: t(
      'Six stages for an e-shop, each with its goal and the actions that reach it, from discovery to building loyalty.',
      'Zes fasen voor een webwinkel, elk met een doel en de acties om het te bereiken, van ontdekking tot het opbouwen van klantloyaliteit.',
    ),
    personas: [
      {
        id: PERSONA,
        name: t('Noor, e-shop customer', 'Noor, klant van de webwinkel'),
        description: t(
          'Discovers shops through social media and search engines; leaves carts for later and buys when the moment is right.',
          'Ontdekt winkels via sociale media en zoekmachines; laat winkelwagens staan voor later en koopt als het moment goed is.',
        ),
        goals: [
          t('Be sure before buying', 'Zeker zijn voordat ik koop'),
          t('Be helped quickly after the sale', 'Na de aankoop snel geholpen worden'),
        ],
      },
    ],
    departments: departments(t),
    touchpoints: touchpointsUsedBy(mapStages, t),
    stages: mapStages,
  };
}

/** The e-commerce template entry. */
export const ecommerceTemplate: MapTemplate = {
  id: 'ecommerce',
  name: { en: 'E-commerce (6 stages)', nl: 'E-commerce (6 fasen)' },
  description: {
    en: 'Discovery, consideration, decision, purchase, after-sales service and building loyalty, each with its goal and actions.',
    nl: 'Ontdekking, overweging, beslissing, aankoop, dienst na verkoop en klantloyaliteit opbouwen, elk met een doel en acties.',
  },
  stages: 6,
  build: buildEcommerceMap,
};
