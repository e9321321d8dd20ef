import type { JourneyMap, LaneItem, Language, Touchpoint } from '../schema.ts';
import { assumed, departments, pageView, type Translate, translator } from './common.ts';
import type { MapTemplate } from './types.ts';

/**
 * The events the shoes map's touchpoints listen for, with the properties they carry. A synthetic
 * event generator produces exactly these, so every `match` rule below uses only these names.
 *
 * - `ad_impression` {channel, campaign, cost, viewable, audible}: not a touch; feeds CPM,
 *   viewability and audibility.
 * - `ad_click` {channel, campaign, cost}
 * - `page_view` {url, referrer}: `/` home, `/lp/...` landing pages, `/blog/...`, `/category/...`,
 *   `/product/...`, `/cart`, `/checkout/thank-you`, `/faq...`, `/terms...`
 * - `site_search` {query}, `banner_click` {banner, url}, `app_open` {platform}
 * - `email_open`, `email_click` {list, campaign}: list `newsletter` or `review-campaign`
 * - `form_submitted` {form}: `size-advice`, `newsletter-signup`, `return`
 * - `add_to_cart` {product, price}, `login`, `sign_up`
 * - `payment_completed` {provider, revenue}, `order_completed` {order_id, revenue, coupon}
 * - `order_shipped` {carrier}, `shipping_update` {status}, `parcel_delivered` {carrier}
 * - `ivr_menu_choice` {option}, `hotline_call` {reason, duration}
 * - `return_label_printed` {order_id}, `return_received` {order_id}, `refund_issued` {amount}
 * - `survey_answer` {question, score}, `review_submitted` {rating}, `coupon_redeemed` {code, value}
 */
export const SHOES_EVENTS = [
  'ad_impression',
  'ad_click',
  'page_view',
  'site_search',
  'banner_click',
  'app_open',
  'email_open',
  'email_click',
  'form_submitted',
  'add_to_cart',
  'login',
  'sign_up',
  'payment_completed',
  'order_completed',
  'order_shipped',
  'shipping_update',
  'parcel_delivered',
  'ivr_menu_choice',
  'hotline_call',
  'return_label_printed',
  'return_received',
  'refund_issued',
  'survey_answer',
  'review_submitted',
  'coupon_redeemed',
] as const;

/** A lane item backed by evidence on the same step. */
function observed(text: string, ...evidence: string[]): LaneItem {
  return { text, knownBy: 'observed', evidence };
}

/** An improvement the team intends (future state), not yet in place. */
function proposed(text: string): LaneItem {
  return { text, knownBy: 'proposed' };
}

function touchpoints(t: Translate): Touchpoint[] {
  return [
    {
      id: 'ad',
      name: t('Ad', 'Advertentie'),
      channel: 'display',
      mode: 'online',
      department: 'marketing',
      description: t(
        'Display and social ads, including retargeting.',
        'Display- en social-advertenties, ook retargeting.',
      ),
      match: [
        {
          event: 'ad_click',
          where: [{ property: 'channel', op: 'in', value: ['display', 'social', 'video'] }],
        },
      ],
    },
    {
      id: 'e-shop',
      name: t('E-shop', 'Webwinkel'),
      channel: 'web',
      mode: 'online',
      department: 'e-shop-management',
      match: [{ event: 'page_view', where: [{ property: 'url', value: '/' }] }, { event: 'site_search' }],
    },
    {
      id: 'blog',
      name: 'Blog',
      channel: 'web',
      mode: 'online',
      department: 'design-editorial',
      match: [pageView('/blog/')],
    },
    {
      id: 'banner',
      name: 'Banner',
      channel: 'display',
      mode: 'online',
      department: 'marketing',
      description: t(
        'Promotion banners on our own site and blog.',
        'Actiebanners op onze eigen site en blog.',
      ),
      match: [{ event: 'banner_click' }],
    },
    {
      id: 'newsletter',
      name: t('Newsletter', 'Nieuwsbrief'),
      channel: 'email',
      mode: 'online',
      department: 'marketing',
      match: [
        {
          event: 'email_open',
          where: [{ property: 'list', op: 'in', value: ['newsletter', 'review-campaign'] }],
        },
        {
          event: 'email_click',
          where: [{ property: 'list', op: 'in', value: ['newsletter', 'review-campaign'] }],
        },
      ],
    },
    {
      id: 'landing-page',
      name: t('Landing page', 'Landingspagina'),
      channel: 'web',
      mode: 'online',
      department: 'marketing',
      match: [pageView('/lp/')],
    },
    {
      id: 'form',
      name: t('Form', 'Formulier'),
      channel: 'web',
      mode: 'online',
      department: 'e-shop-management',
      description: t(
        'Size advice, newsletter sign-up and the return form.',
        'Maatadvies, aanmelding voor de nieuwsbrief en het retourformulier.',
      ),
      match: [{ event: 'form_submitted' }],
    },
    {
      id: 'product-page',
      name: t('Product page', 'Productpagina'),
      channel: 'web',
      mode: 'online',
      department: 'product-management',
      match: [pageView('/product/')],
    },
    {
      id: 'app',
      name: 'App',
      channel: 'app',
      mode: 'online',
      department: 'e-shop-management',
      match: [{ event: 'app_open' }],
    },
    {
      id: 'category-page',
      name: t('Category page', 'Categoriepagina'),
      channel: 'web',
      mode: 'online',
      department: 'e-shop-management',
      match: [pageView('/category/')],
    },
    {
      id: 'cart',
      name: t('Cart', 'Winkelwagen'),
      channel: 'web',
      mode: 'online',
      department: 'e-shop-management',
      match: [{ event: 'add_to_cart' }, pageView('/cart')],
    },
    {
      id: 'login-registration',
      name: t('Login / registration', 'Inloggen / registreren'),
      channel: 'web',
      mode: 'online',
      department: 'customer-management',
      match: [{ event: 'login' }, { event: 'sign_up' }],
    },
    {
      id: 'payment-providers',
      name: t('Payment service providers', 'Betaaldienstverleners'),
      channel: 'partner',
      mode: 'online',
      department: 'payment-service-providers',
      description: t('iDEAL, credit card and pay-later.', 'iDEAL, creditcard en achteraf betalen.'),
      match: [{ event: 'payment_completed' }],
    },
    {
      id: 'thank-you-page',
      name: t('Thank-you page', 'Bedankpagina'),
      channel: 'web',
      mode: 'online',
      department: 'e-shop-management',
      match: [{ event: 'order_completed' }, pageView('/checkout/thank-you')],
    },
    {
      id: 'order-service-providers',
      name: t('Order service providers', 'Fulfilmentpartners'),
      channel: 'partner',
      mode: 'offline',
      department: 'logistics-service-providers',
      description: t(
        'Pick, pack and hand over to the carrier.',
        'Orderpicken, inpakken en overdragen aan de vervoerder.',
      ),
      match: [{ event: 'order_shipped' }],
    },
    {
      id: 'shipping-updates',
      name: t('Shipping updates', 'Verzendupdates'),
      channel: 'email',
      mode: 'online',
      department: 'logistics-service-providers',
      match: [{ event: 'shipping_update' }],
    },
    {
      id: 'packaging',
      name: t('Packaging', 'Verpakking'),
      channel: 'delivery',
      mode: 'offline',
      department: 'logistics-service-providers',
      match: [{ event: 'parcel_delivered' }],
    },
    {
      id: 'inserts',
      name: t('Inserts', 'Inlegvellen'),
      channel: 'print',
      mode: 'offline',
      department: 'design-editorial',
      description: t(
        'Leaflets in the parcel: care tips, return steps.',
        'Folders in het pakket: onderhoudstips, retourstappen.',
      ),
    },
    {
      id: 'invoice',
      name: t('Invoice', 'Factuur'),
      channel: 'print',
      mode: 'offline',
      department: 'accounting',
    },
    {
      id: 'delivery-note',
      name: t('Delivery note', 'Pakbon'),
      channel: 'print',
      mode: 'offline',
      department: 'logistics-service-providers',
    },
    {
      id: 'product',
      name: t('The product', 'Het product'),
      channel: 'product',
      mode: 'offline',
      department: 'product-management',
    },
    {
      id: 'faqs',
      name: t('FAQs', 'Veelgestelde vragen'),
      channel: 'web',
      mode: 'online',
      department: 'customer-management',
      match: [pageView('/faq')],
    },
    {
      id: 'terms-and-conditions',
      name: t('Terms and conditions', 'Algemene voorwaarden'),
      channel: 'web',
      mode: 'online',
      department: 'legal',
      match: [pageView('/terms')],
    },
    {
      id: 'ivr',
      name: t('Voice computer (IVR)', 'Spraakcomputer (keuzemenu)'),
      channel: 'phone',
      mode: 'offline',
      department: 'customer-management',
      match: [{ event: 'ivr_menu_choice' }],
    },
    {
      id: 'hotline-agent',
      name: t('Hotline agent', 'Medewerker klantenservice'),
      channel: 'phone',
      mode: 'offline',
      department: 'customer-management',
      match: [{ event: 'hotline_call' }],
    },
    {
      id: 'return-label',
      name: t('Return-address label', 'Retouretiket'),
      channel: 'print',
      mode: 'offline',
      department: 'logistics-service-providers',
      match: [{ event: 'return_label_printed' }],
    },
    {
      id: 'return-confirmation',
      name: t('Return confirmation e-mail', 'Bevestigingsmail van de retour'),
      channel: 'email',
      mode: 'online',
      department: 'logistics-service-providers',
      match: [{ event: 'return_received' }],
    },
    {
      id: 'refund-notice',
      name: t('Refund notice', 'Bericht over de terugbetaling'),
      channel: 'email',
      mode: 'online',
      department: 'accounting',
      match: [{ event: 'refund_issued' }],
    },
    {
      id: 'reviews',
      name: t('Customer reviews', 'Klantreviews'),
      channel: 'web',
      mode: 'online',
      department: 'design-editorial',
      match: [{ event: 'review_submitted' }],
    },
    {
      id: 'satisfaction-survey',
      name: t('Satisfaction survey', 'Tevredenheidsenquête'),
      channel: 'email',
      mode: 'online',
      department: 'customer-management',
      match: [{ event: 'survey_answer' }],
    },
    {
      id: 'coupon',
      name: t('€10 coupon', 'Kortingsbon van € 10'),
      channel: 'email',
      mode: 'online',
      department: 'marketing',
      match: [{ event: 'coupon_redeemed' }],
    },
  ];
}

/**
 * The worked example of the domain, buying shoes, as a current-state map in English or Dutch.
 * Sixteen steps in five stages; the journey branches when the shoes are tried on (they fit: the
 * review campaign; they don't: the return flow, which ends with the refund) and the €10 coupon
 * loops back to browsing the e-shop.
 */
export function buildShoesMap(language: Language): JourneyMap {
  const t = translator(language);
  return {
    schemaVersion: 2,
    id: 'shoes',
    title: t('Buying shoes online', 'Online schoenen kopen'),
    language,
    style: 'current-state',
    scenario: t(
      'Lisa wants new shoes, clicks an ad, orders a pair, finds they do not fit, returns them and comes back with a €10 coupon.',
      'Lisa wil nieuwe schoenen, klikt op een advertentie, bestelt een paar, merkt dat ze niet passen, stuurt ze terug en komt terug met een kortingsbon van € 10.',
    ),
    description: t(
      'How buying shoes in our e-shop goes today, from the first need to the next purchase, with the return flow as the low point.',
      'Hoe het kopen van schoenen in onze webwinkel nu verloopt, van de eerste behoefte tot de volgende aankoop, met het retourproces als dieptepunt.',
    ),
    personas: [
      {
        id: 'first-time-buyer',
        name: t('Lisa, first-time buyer', 'Lisa, koopt voor het eerst'),
        description: t(
          'Someone who wants to buy shoes: 34, buys clothes online, has never ordered from us.',
          'Iemand die schoenen wil kopen: 34 jaar, koopt kleding online, heeft nog nooit bij ons besteld.',
        ),
        quote: t('I want shoes that fit, without a hassle.', 'Ik wil schoenen die passen, zonder gedoe.'),
        goals: [
          t('Comfortable shoes in the right size', 'Comfortabele schoenen in de juiste maat'),
          t('Easy to return if they do not fit', 'Makkelijk terug te sturen als ze niet passen'),
        ],
      },
      {
        id: 'returning-customer',
        name: t('Mark, returning customer', 'Mark, vaste klant'),
        description: t(
          'Has ordered shoes from us three times, knows his size in our brands, uses the app.',
          'Heeft al drie keer schoenen bij ons besteld, kent zijn maat in onze merken, gebruikt de app.',
        ),
        quote: t('I know what I want; just make it quick.', 'Ik weet wat ik wil; als het maar snel gaat.'),
        goals: [t('Reorder quickly', 'Snel opnieuw bestellen'), t('Get a good deal', 'Een goede deal')],
      },
    ],
    departments: departments(t),
    touchpoints: touchpoints(t),
    stages: [
      {
        id: 'awareness',
        name: t('Awareness', 'Bewustzijn'),
        description: t(
          'The customer becomes aware of a need for new shoes, through friends, online ads or TV.',
          'De klant wordt zich bewust van de behoefte aan nieuwe schoenen, via kennissen, online reclame of televisie.',
        ),
        customerGoal: t('Find out which shoes would suit me', 'Ontdekken welke schoenen bij mij passen'),
        businessGoal: t('Attract attention', 'De aandacht trekken'),
        actions: [
          t('Online ads and retargeting', 'Online advertenties en retargeting'),
          t('SEO', 'Zoekmachineoptimalisatie (SEO)'),
          t('Content marketing on the blog', 'Contentmarketing op het blog'),
          t('Social media', 'Sociale media'),
        ],
        objections: [
          {
            id: 'irrelevant-ads',
            objection: t(
              'Yet another ad for shoes I do not need',
              'Alweer een advertentie voor schoenen die ik niet nodig heb',
            ),
            remedy: t(
              'Retarget only visitors who looked at shoes, and cap how often an ad is shown',
              'Alleen bezoekers retargeten die naar schoenen keken, en beperken hoe vaak een advertentie verschijnt',
            ),
            department: 'marketing',
            touchpoint: 'ad',
            kpi: 'ctr',
            knownBy: 'assumed',
          },
        ],
        kpis: [
          { kpi: 'cpm', target: 6, actual: 7.4 },
          { kpi: 'cpc', target: 0.45, actual: 0.52 },
          { kpi: 'viewability', target: 0.7, actual: 0.64 },
          { kpi: 'audibility', target: 0.5, note: t('Video ads only', 'Alleen videoadvertenties') },
          { kpi: 'ctr', target: 0.02, actual: 0.017 },
        ],
        steps: [
          {
            id: 'wants-shoes',
            name: t('Wants to buy shoes', 'Wil schoenen kopen'),
            description: t(
              'The old pair is worn out; a blog post or an ad sets off the search.',
              'Het oude paar is versleten; een blogbericht of advertentie zet de zoektocht in gang.',
            ),
            touchpoints: ['ad', 'blog', 'newsletter'],
            departments: ['marketing', 'design-editorial'],
            thoughts: [
              observed(
                t('My old shoes are worn out', 'Mijn oude schoenen zijn versleten'),
                'interview-needs',
              ),
            ],
            questions: [
              assumed(t('Which shoes are comfortable all day?', 'Welke schoenen zitten de hele dag lekker?')),
            ],
            motivations: [assumed(t('Comfort and a fresh look', 'Comfort en er weer verzorgd uitzien'))],
            feelings: { 'first-time-buyer': 1, 'returning-customer': 1 },
            evidence: [
              {
                id: 'interview-needs',
                source: 'interview',
                summary: t(
                  'Ethnographic interviews at home with twelve shoe buyers.',
                  'Etnografische interviews thuis met twaalf schoenenkopers.',
                ),
                quote: t(
                  'I only buy new shoes when the old ones fall apart.',
                  'Ik koop pas nieuwe schoenen als de oude uit elkaar vallen.',
                ),
                date: '2026-02-10',
                participants: 12,
              },
            ],
          },
          {
            id: 'clicks-ad',
            name: t(
              'Clicks an ad to a landing page',
              'Klikt op een advertentie en komt op de landingspagina',
            ),
            touchpoints: ['ad', 'banner', 'landing-page'],
            departments: ['marketing'],
            thoughts: [
              assumed(
                t(
                  'These look nice, and they are on sale',
                  'Die zien er leuk uit, en ze zijn in de aanbieding',
                ),
              ),
            ],
            questions: [assumed(t('Is this shop reliable?', 'Is deze winkel betrouwbaar?'))],
            opportunities: [
              assumed(
                t(
                  'Show the free returns on the landing page',
                  'Gratis retourneren op de landingspagina vermelden',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': 1, 'returning-customer': 0 },
          },
        ],
      },
      {
        id: 'consideration',
        name: t('Consideration', 'Overweging'),
        description: t(
          'The customer compares models, sizes and prices and settles on a shop.',
          'De klant vergelijkt modellen, maten en prijzen en kiest een winkel.',
        ),
        customerGoal: t(
          'Choose the right pair in the right size',
          'Het juiste paar in de juiste maat kiezen',
        ),
        businessGoal: t(
          'Create interest and ease the choice',
          'Interesse wekken en de keuze makkelijker maken',
        ),
        actions: [
          t('Product comparisons', 'Productvergelijkingen'),
          t('Customer reviews and testimonials', 'Klantreviews en getuigenissen'),
          t('Size advice', 'Maatadvies'),
          t('Live chat', 'Livechat'),
        ],
        objections: [
          {
            id: 'size-doubt',
            objection: t('Not sure which size to pick', 'Niet zeker welke maat ik moet kiezen'),
            remedy: t(
              'A size chart and fit advice from other buyers on every product page',
              'Een maattabel en pasvormadvies van andere kopers op elke productpagina',
            ),
            department: 'product-management',
            touchpoint: 'product-page',
            kpi: 'conversion-rate',
            knownBy: 'observed',
          },
          {
            id: 'cheaper-elsewhere',
            objection: t('Maybe they are cheaper elsewhere', 'Misschien zijn ze ergens anders goedkoper'),
            remedy: t(
              'A price promise and free returns, shown near the price',
              'Een prijsgarantie en gratis retourneren, vlak bij de prijs',
            ),
            department: 'marketing',
            touchpoint: 'product-page',
            kpi: 'roas',
          },
        ],
        kpis: [
          {
            kpi: 'bounce-rate',
            target: 0.4,
            actual: 0.46,
            note: t('Sessions that start on a landing page', 'Sessies die op een landingspagina beginnen'),
          },
          {
            kpi: 'conversion-rate',
            target: 0.08,
            note: t('Visitors who add a pair to the cart', 'Bezoekers die een paar in de winkelwagen leggen'),
          },
          { kpi: 'cps', target: 12 },
          { kpi: 'cpa', target: 25 },
          { kpi: 'roas', target: 4 },
          { kpi: 'roi', target: 1.5 },
        ],
        steps: [
          {
            id: 'browses-e-shop',
            name: t('Browses the e-shop', 'Bladert door de webwinkel'),
            touchpoints: ['e-shop', 'category-page', 'product-page', 'reviews', 'app', 'form'],
            departments: ['e-shop-management', 'product-management', 'design-editorial'],
            thoughts: [
              assumed(t('So many models; which one is for me?', 'Zoveel modellen; welke is voor mij?')),
            ],
            questions: [
              observed(
                t(
                  'Do they have my size, and does it run small?',
                  'Hebben ze mijn maat, en valt dit model klein?',
                ),
                'observation-browsing',
              ),
            ],
            motivations: [
              assumed(t('Reviews from people with the same foot', 'Reviews van mensen met dezelfde voet')),
            ],
            painPoints: [
              observed(
                t(
                  'The size chart is hard to find on the product page',
                  'De maattabel is lastig te vinden op de productpagina',
                ),
                'observation-browsing',
              ),
            ],
            opportunities: [
              proposed(
                t('Fit advice based on earlier orders', 'Pasvormadvies op basis van eerdere bestellingen'),
              ),
            ],
            feelings: { 'first-time-buyer': 2, 'returning-customer': 1 },
            evidence: [
              {
                id: 'observation-browsing',
                source: 'observation',
                summary: t(
                  'Contextual observation: 5 of 6 participants looked for the size chart before adding a pair to the cart.',
                  'Observatie in de context: 5 van de 6 deelnemers zochten de maattabel voordat ze een paar in de winkelwagen legden.',
                ),
                date: '2026-03-04',
                participants: 6,
              },
            ],
          },
        ],
      },
      {
        id: 'purchase',
        name: t('Purchase', 'Aankoop'),
        description: t(
          'From the cart to the parcel on the doormat.',
          'Van de winkelwagen tot het pakket op de deurmat.',
        ),
        customerGoal: t('Pay safely and get the shoes soon', 'Veilig betalen en de schoenen snel ontvangen'),
        businessGoal: t('Complete the transaction', 'De transactie voltooien'),
        actions: [
          t('Simple checkout with guest ordering', 'Eenvoudig afrekenen, ook zonder account'),
          t('Delivery options', 'Leveringsopties'),
          t('Guarantees', 'Garanties'),
          t(
            'Confirmation e-mail and delivery tracking',
            'Bevestiging per e-mail en het volgen van de levering',
          ),
        ],
        objections: [
          {
            id: 'late-shipping-costs',
            objection: t(
              'Shipping costs only appear at checkout',
              'De verzendkosten verschijnen pas bij het afrekenen',
            ),
            remedy: t(
              'Show shipping costs on the product page and in the cart',
              'De verzendkosten tonen op de productpagina en in de winkelwagen',
            ),
            department: 'e-shop-management',
            touchpoint: 'cart',
            kpi: 'conversion-rate',
            knownBy: 'observed',
          },
          {
            id: 'no-account',
            objection: t('Does not want to create an account', 'Wil geen account aanmaken'),
            remedy: t(
              'Guest checkout; offer an account on the thank-you page',
              'Afrekenen als gast; een account aanbieden op de bedankpagina',
            ),
            department: 'customer-management',
            touchpoint: 'login-registration',
            kpi: 'conversion-rate',
          },
        ],
        kpis: [
          {
            kpi: 'conversion-rate',
            target: 0.025,
            actual: 0.021,
            note: t('Sessions that end in an order', 'Sessies die eindigen in een bestelling'),
          },
          { kpi: 'cps', target: 15, actual: 17.8 },
          { kpi: 'cpa', target: 30 },
          { kpi: 'roas', target: 5, actual: 4.2 },
          { kpi: 'roi', target: 2 },
        ],
        steps: [
          {
            id: 'checkout',
            name: t('Goes through checkout', 'Rekent af bij de kassa'),
            touchpoints: ['cart', 'login-registration', 'form', 'payment-providers', 'terms-and-conditions'],
            departments: ['e-shop-management', 'payment-service-providers', 'legal'],
            thoughts: [assumed(t('Why do I need an account?', 'Waarom moet ik een account aanmaken?'))],
            questions: [assumed(t('What does shipping cost?', 'Wat kost de verzending?'))],
            painPoints: [
              observed(
                t(
                  'Shipping costs appear only at the last step',
                  'De verzendkosten verschijnen pas bij de laatste stap',
                ),
                'survey-checkout',
              ),
            ],
            opportunities: [proposed(t('Guest checkout', 'Afrekenen als gast'))],
            feelings: { 'first-time-buyer': 0, 'returning-customer': 1 },
            evidence: [
              {
                id: 'survey-checkout',
                source: 'survey',
                summary: t(
                  'Exit survey in the cart: 38% of those leaving name the shipping costs.',
                  'Exit-enquête in de winkelwagen: 38% van wie afhaakt noemt de verzendkosten.',
                ),
                date: '2026-04-02',
                participants: 540,
                score: 0.38,
              },
            ],
          },
          {
            id: 'thank-you-page',
            name: t('Lands on the thank-you page', 'Komt op de bedankpagina'),
            touchpoints: ['thank-you-page', 'order-service-providers'],
            departments: ['e-shop-management'],
            thoughts: [assumed(t('Done. When will they arrive?', 'Klaar. Wanneer komen ze?'))],
            opportunities: [assumed(t('Show the expected delivery date', 'De verwachte leverdatum tonen'))],
            feelings: { 'first-time-buyer': 1, 'returning-customer': 1 },
          },
          {
            id: 'waits-for-parcel',
            name: t('Waits for the parcel', 'Wacht op het pakket'),
            touchpoints: ['shipping-updates', 'order-service-providers', 'app'],
            departments: ['logistics-service-providers'],
            thoughts: [assumed(t('Will I be home when it comes?', 'Ben ik thuis als het komt?'))],
            questions: [assumed(t('Where is my parcel now?', 'Waar is mijn pakket nu?'))],
            opportunities: [
              assumed(t('Let the customer pick a delivery slot', 'De klant een bezorgmoment laten kiezen')),
            ],
            feelings: { 'first-time-buyer': 0, 'returning-customer': 0 },
          },
          {
            id: 'receives-parcel',
            name: t('Receives the parcel', 'Ontvangt het pakket'),
            touchpoints: ['packaging', 'inserts', 'invoice', 'delivery-note'],
            departments: ['logistics-service-providers', 'accounting'],
            thoughts: [assumed(t("Nice box, let's see", 'Mooie doos, even kijken'))],
            motivations: [assumed(t('The joy of unboxing', 'Het plezier van uitpakken'))],
            feelings: { 'first-time-buyer': 2, 'returning-customer': 1 },
          },
        ],
      },
      {
        id: 'service',
        name: 'Service',
        description: t(
          'After the purchase: trying the shoes on and, when they do not fit, the return.',
          'Na de aankoop: de schoenen passen en, als ze niet passen, het retourneren.',
        ),
        customerGoal: t(
          'Shoes that fit, or my money back without a hassle',
          'Schoenen die passen, of zonder gedoe mijn geld terug',
        ),
        businessGoal: t(
          'Satisfy the customer, also when something goes wrong',
          'De klant tevredenstellen, ook als er iets misgaat',
        ),
        actions: [
          t('Clear return steps in the parcel', 'Duidelijke retourstappen in het pakket'),
          t('Customer support by phone and chat', 'Klantenondersteuning via telefoon en chat'),
          t('Fast refunds', 'Snelle terugbetalingen'),
        ],
        objections: [
          {
            id: 'return-hassle',
            objection: t('Returning is a hassle', 'Retourneren is gedoe'),
            remedy: t(
              'Return steps on an insert and a prepaid return-address label in the box',
              'Retourstappen op een inlegvel en een gefrankeerd retouretiket in de doos',
            ),
            department: 'logistics-service-providers',
            touchpoint: 'return-label',
            kpi: 'nps',
            knownBy: 'observed',
          },
        ],
        kpis: [
          { kpi: 'nps', target: 30, actual: 12, note: t('Survey after a return', 'Enquête na een retour') },
        ],
        steps: [
          {
            id: 'tries-on',
            name: t('Tries the shoes on', 'Past de schoenen'),
            description: t(
              'In this journey they do not fit, and the return flow begins; when they fit, the review campaign follows.',
              'In deze reis passen ze niet en begint het retourproces; als ze wel passen, volgt de reviewcampagne.',
            ),
            touchpoints: ['product', 'inserts'],
            departments: ['product-management'],
            next: ['wants-to-return', 'receives-review-newsletter'],
            thoughts: [observed(t('They do not fit. Too narrow.', 'Ze passen niet. Te smal.'), 'survey-fit')],
            painPoints: [
              observed(t('The shoes do not fit', 'De schoenen passen niet'), 'survey-fit'),
              assumed(
                t(
                  'The size runs differently from other brands',
                  'De maat valt anders uit dan bij andere merken',
                ),
              ),
            ],
            opportunities: [
              proposed(
                t(
                  'Note per model whether it runs small or narrow',
                  'Per model vermelden of het klein of smal valt',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': -1, 'returning-customer': -1 },
            evidence: [
              {
                id: 'survey-fit',
                source: 'survey',
                summary: t(
                  'Return survey: 61% of returned pairs did not fit.',
                  'Retourenquête: 61% van de teruggestuurde paren paste niet.',
                ),
                date: '2026-04-15',
                participants: 412,
                score: 0.61,
              },
            ],
          },
          {
            id: 'wants-to-return',
            name: t(
              "Wants to return them but doesn't understand the process",
              'Wil ze terugsturen, maar begrijpt het retourproces niet',
            ),
            touchpoints: ['faqs', 'terms-and-conditions', 'delivery-note', 'e-shop'],
            departments: ['customer-management', 'legal', 'design-editorial'],
            thoughts: [
              observed(
                t(
                  'Where do I even start? The FAQs talk about a return number.',
                  'Waar begin ik? Bij de veelgestelde vragen staat iets over een retournummer.',
                ),
                'interview-returns',
              ),
            ],
            questions: [
              assumed(t('Do I pay for the return shipping?', 'Moet ik de retourzending zelf betalen?')),
              assumed(t('How long do I have?', 'Hoeveel tijd heb ik?')),
            ],
            painPoints: [
              observed(
                t(
                  'The return steps are spread over the FAQs and the terms',
                  'De retourstappen staan verspreid over de veelgestelde vragen en de voorwaarden',
                ),
                'interview-returns',
              ),
              assumed(
                t('Legal language in the terms and conditions', 'Juridische taal in de algemene voorwaarden'),
              ),
            ],
            opportunities: [
              proposed(
                t(
                  'One return page in plain language, linked from the delivery note',
                  'Eén retourpagina in gewone taal, met een link op de pakbon',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': -2, 'returning-customer': -1 },
            evidence: [
              {
                id: 'interview-returns',
                source: 'interview',
                quote: t(
                  "I couldn't find how to send them back, so I just called.",
                  'Ik kon niet vinden hoe ik ze terug moest sturen, dus heb ik maar gebeld.',
                ),
                date: '2026-03-18',
                participants: 8,
              },
            ],
          },
          {
            id: 'calls-hotline',
            name: t('Calls the hotline', 'Belt de klantenservice'),
            touchpoints: ['ivr', 'hotline-agent'],
            departments: ['customer-management'],
            thoughts: [
              assumed(t('Finally someone who can explain it', 'Eindelijk iemand die het kan uitleggen')),
            ],
            painPoints: [
              observed(
                t('The voice menu has no option for returns', 'Het keuzemenu heeft geen optie voor retouren'),
                'observation-hotline',
              ),
            ],
            opportunities: [
              assumed(t('A returns option in the voice menu', 'Een retouroptie in het keuzemenu')),
            ],
            feelings: { 'first-time-buyer': -1, 'returning-customer': 0 },
            evidence: [
              {
                id: 'observation-hotline',
                source: 'observation',
                summary: t(
                  'Listened in on 40 calls: 14 were about how to return, with 6 minutes of waiting on average.',
                  'Meegeluisterd met 40 gesprekken: 14 gingen over hoe je retourneert, met gemiddeld 6 minuten wachttijd.',
                ),
                date: '2026-03-25',
                participants: 40,
              },
            ],
          },
          {
            id: 'does-return',
            name: t('Does the return', 'Stuurt de schoenen retour'),
            description: t(
              'The return flow in detail is its own map.',
              'Het retourproces in detail staat op een eigen kaart.',
            ),
            touchpoints: ['form', 'return-label', 'packaging'],
            departments: ['logistics-service-providers'],
            thoughts: [
              assumed(
                t('Print the label, tape the box, drop it off', 'Etiket printen, doos dichtplakken, afgeven'),
              ),
            ],
            questions: [
              assumed(t('Where is the nearest drop-off point?', 'Waar is het dichtstbijzijnde afgiftepunt?')),
            ],
            opportunities: [
              proposed(
                t('A QR code instead of a printed label', 'Een QR-code in plaats van een geprint etiket'),
              ),
            ],
            feelings: { 'first-time-buyer': 0, 'returning-customer': 0 },
            subJourney: { map: 'shoes-returns' },
          },
          {
            id: 'waits-for-return-confirmation',
            name: t('Waits for the return confirmation', 'Wacht op de bevestiging van de retourzending'),
            touchpoints: ['return-confirmation', 'shipping-updates'],
            departments: ['logistics-service-providers', 'customer-management'],
            thoughts: [assumed(t('Did they get my parcel?', 'Hebben ze mijn pakket ontvangen?'))],
            painPoints: [
              assumed(
                t(
                  'No message for days after dropping off the parcel',
                  'Dagenlang geen bericht na het afgeven van het pakket',
                ),
              ),
            ],
            opportunities: [
              assumed(
                t(
                  'Confirm as soon as the carrier scans the parcel',
                  'Bevestigen zodra de vervoerder het pakket scant',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': -1, 'returning-customer': 0 },
          },
          {
            id: 'waits-for-credit',
            name: t('Waits for the credit', 'Wacht op de terugbetaling'),
            description: t(
              'The return flow ends with the refund; whether the customer comes back is what churn rate tells.',
              'Het retourproces eindigt met de terugbetaling; of de klant terugkomt, laat de churn rate zien.',
            ),
            touchpoints: ['refund-notice', 'payment-providers'],
            departments: ['accounting', 'payment-service-providers'],
            next: [],
            thoughts: [
              observed(
                t('Two weeks and still no money', 'Twee weken en nog steeds geen geld'),
                'focus-group-refund',
              ),
            ],
            questions: [assumed(t('Has the refund been forgotten?', 'Zijn ze de terugbetaling vergeten?'))],
            painPoints: [
              observed(
                t(
                  'The refund takes up to 14 days, without any update',
                  'De terugbetaling duurt tot 14 dagen, zonder enig bericht',
                ),
                'focus-group-refund',
              ),
            ],
            opportunities: [
              proposed(
                t('Refund as soon as the return is scanned', 'Terugbetalen zodra de retour is gescand'),
              ),
              assumed(
                t(
                  'Send a message when the financial processing starts',
                  'Een bericht sturen als de financiële afhandeling begint',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': -2, 'returning-customer': -1 },
            evidence: [
              {
                id: 'focus-group-refund',
                source: 'focus-group',
                quote: t(
                  'The money goes out in a second, but getting it back takes weeks.',
                  'Het geld gaat er in een seconde af, maar terugkrijgen duurt weken.',
                ),
                date: '2026-05-06',
                participants: 8,
              },
            ],
          },
        ],
      },
      {
        id: 'loyalty',
        name: t('Loyalty', 'Loyaliteit'),
        description: t(
          'We stay in touch: a review campaign, a coupon, the next purchase.',
          'We houden contact: een reviewcampagne, een kortingsbon, de volgende aankoop.',
        ),
        customerGoal: t(
          'Share my experience and get a good deal next time',
          'Mijn ervaring delen en de volgende keer voordeel hebben',
        ),
        businessGoal: t('Turn customers into ambassadors', 'Klanten ambassadeurs van het merk maken'),
        actions: [
          t('Review campaign with a €10 coupon', 'Reviewcampagne met een kortingsbon van € 10'),
          t('Personalised newsletters', 'Gepersonaliseerde nieuwsbrieven'),
          t('Satisfaction surveys', 'Tevredenheidsonderzoeken'),
          t('Loyalty programme', 'Loyaliteitsprogramma'),
        ],
        objections: [
          {
            id: 'why-review',
            objection: t('Why would I spend time on a review?', 'Waarom zou ik tijd in een review steken?'),
            remedy: t(
              'A €10 coupon for every review, and a review form of three questions',
              'Een kortingsbon van € 10 voor elke review, en een reviewformulier van drie vragen',
            ),
            department: 'marketing',
            touchpoint: 'newsletter',
            kpi: 'nps',
          },
          {
            id: 'bad-return',
            objection: t(
              'After that return I am not ordering here again',
              'Na die retour bestel ik hier niet meer',
            ),
            remedy: t('A personal follow-up after every return', 'Persoonlijke opvolging na elke retour'),
            department: 'customer-management',
            touchpoint: 'hotline-agent',
            kpi: 'churn-rate',
          },
        ],
        kpis: [
          { kpi: 'nps', target: 40, actual: 27 },
          {
            kpi: 'churn-rate',
            target: 0.25,
            note: t('Customers without an order in 12 months', 'Klanten zonder bestelling in 12 maanden'),
          },
        ],
        steps: [
          {
            id: 'receives-review-newsletter',
            name: t(
              'Receives the review-campaign newsletter',
              'Ontvangt de nieuwsbrief van de reviewcampagne',
            ),
            touchpoints: ['newsletter', 'satisfaction-survey'],
            departments: ['marketing', 'design-editorial'],
            thoughts: [
              assumed(
                t('A €10 coupon for a review? Sure.', 'Een kortingsbon van € 10 voor een review? Prima.'),
              ),
            ],
            opportunities: [
              assumed(
                t(
                  'Ask about the fit, to improve the size advice',
                  'Naar de pasvorm vragen, om het maatadvies te verbeteren',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': 0, 'returning-customer': 1 },
          },
          {
            id: 'writes-review',
            name: t('Writes a review', 'Schrijft een review'),
            touchpoints: ['reviews', 'form'],
            departments: ['design-editorial', 'product-management'],
            thoughts: [
              observed(
                t('Others should know these run narrow', 'Anderen moeten weten dat deze smal vallen'),
                'survey-nps',
              ),
            ],
            motivations: [
              assumed(
                t('Help other buyers, and get the coupon', 'Andere kopers helpen, en de kortingsbon krijgen'),
              ),
            ],
            feelings: { 'first-time-buyer': 1, 'returning-customer': 1 },
            evidence: [
              {
                id: 'survey-nps',
                source: 'survey',
                summary: t(
                  'NPS survey after the review campaign; most reviews mention the fit.',
                  'NPS-enquête na de reviewcampagne; de meeste reviews gaan over de pasvorm.',
                ),
                date: '2026-06-01',
                participants: 1250,
                score: 27,
              },
            ],
          },
          {
            id: 'uses-coupon',
            name: t(
              'Uses a €10 coupon for a new purchase',
              'Gebruikt een kortingsbon van € 10 voor een nieuwe aankoop',
            ),
            touchpoints: ['coupon', 'e-shop', 'app'],
            departments: ['marketing', 'e-shop-management'],
            // The coupon brings the customer back to browsing: the loop ends when a pair does not fit.
            next: ['browses-e-shop'],
            thoughts: [assumed(t("Let's try one size up", 'Laat ik een maat groter proberen'))],
            opportunities: [
              proposed(
                t(
                  'Suggest the size that fits, based on the review',
                  'De passende maat voorstellen op basis van de review',
                ),
              ),
            ],
            feelings: { 'first-time-buyer': 2, 'returning-customer': 2 },
          },
        ],
      },
    ],
  };
}

/** The shoes template entry: the worked example in English and Dutch. */
export const shoesTemplate: MapTemplate = {
  id: 'shoes',
  name: { en: 'Buying shoes (worked example)', nl: 'Schoenen kopen (uitgewerkt voorbeeld)' },
  description: {
    en: 'The full worked example: 16 steps from wanting shoes to the next purchase, with a return flow, two personas, evidence and event rules for every online touchpoint.',
    nl: 'Het volledige uitgewerkte voorbeeld: 16 stappen van schoenen willen tot de volgende aankoop, met een retourproces, twee persona’s, onderzoeksbevindingen en eventregels voor elk online touchpoint.',
  },
  stages: 5,
  build: buildShoesMap,
};
