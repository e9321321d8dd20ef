import type { Department, LaneItem, Language, MatchRule, Stage, Touchpoint } from '../schema.ts';

/**
 * Picks the text in the map's language. Templates write every text once, English and Dutch side
 * by side, so the two languages cannot drift apart.
 */
export type Translate = (en: string, nl: string) => string;

/** The translator for one language. */
export function translator(language: Language): Translate {
  return (en, nl) => (language === 'en' ? en : nl);
}

/** A lane item nobody has checked yet: templates are starting points. */
export function assumed(text: string): LaneItem {
  return { text, knownBy: 'assumed' };
}

/** The nine departments of the domain, with the same ids as in the shoes map. */
export function departments(t: Translate): Department[] {
  return [
    { id: 'marketing', name: t('Marketing / online marketing', 'Marketing / online marketing') },
    { id: 'design-editorial', name: t('Design / editorial', 'Ontwerp / redactie') },
    { id: 'e-shop-management', name: t('E-shop management', 'Beheer van de webwinkel') },
    { id: 'customer-management', name: t('Customer management', 'Klantenbeheer') },
    { id: 'product-management', name: t('Product management', 'Productbeheer') },
    { id: 'accounting', name: t('Accounting', 'Boekhouding') },
    { id: 'legal', name: t('Legal', 'Juridische zaken') },
    { id: 'payment-service-providers', name: t('Payment service providers', 'Betaaldienstverleners') },
    {
      id: 'logistics-service-providers',
      name: t('Logistics service providers', 'Logistieke dienstverleners'),
    },
  ];
}

/** A page view whose URL starts with `prefix`. */
export const pageView = (prefix: string): MatchRule => ({
  event: 'page_view',
  where: [{ property: 'url', op: 'starts-with', value: prefix }],
});

/**
 * Every touchpoint the framework templates use; each template keeps the ones its steps and
 * objections name. Ids, channels and owners follow the shoes map. The match rules use only the
 * event vocabulary of the shoes map (`SHOES_EVENTS` in shoes.ts), so one event generator serves
 * every template; the only new property value is the e-mail list `cart-reminder`. The live chat
 * has no rule: no event for it is collected yet.
 */
export function touchpointCatalogue(t: Translate): Touchpoint[] {
  return [
    {
      id: 'ad',
      name: t('Display ad', 'Displayadvertentie'),
      channel: 'display',
      mode: 'online',
      department: 'marketing',
      description: t(
        'Banners and video ads, including retargeting.',
        'Banners en videoadvertenties, ook retargeting.',
      ),
      match: [{ event: 'ad_click', where: [{ property: 'channel', op: 'in', value: ['display', 'video'] }] }],
    },
    {
      id: 'search-ad',
      name: t('Search ad', 'Zoekadvertentie'),
      channel: 'search',
      mode: 'online',
      department: 'marketing',
      match: [{ event: 'ad_click', where: [{ property: 'channel', value: 'search' }] }],
    },
    {
      id: 'social-media',
      name: t('Social media', 'Sociale media'),
      channel: 'social',
      mode: 'online',
      department: 'marketing',
      match: [{ event: 'ad_click', where: [{ property: 'channel', value: 'social' }] }],
    },
    {
      id: 'tv-ad',
      name: t('TV commercial', 'Tv-reclame'),
      channel: 'video',
      mode: 'offline',
      department: 'marketing',
    },
    {
      id: 'word-of-mouth',
      name: t('Friends and family', 'Vrienden en familie'),
      channel: 'word-of-mouth',
      mode: 'offline',
      department: 'marketing',
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
      id: 'landing-page',
      name: t('Landing page', 'Landingspagina'),
      channel: 'web',
      mode: 'online',
      department: 'marketing',
      match: [pageView('/lp/')],
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
      id: 'product-page',
      name: t('Product page', 'Productpagina'),
      channel: 'web',
      mode: 'online',
      department: 'product-management',
      match: [pageView('/product/')],
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
      id: 'live-chat',
      name: t('Live chat', 'Livechat'),
      channel: 'chat',
      mode: 'online',
      department: 'customer-management',
    },
    {
      id: 'form',
      name: t('Form', 'Formulier'),
      channel: 'web',
      mode: 'online',
      department: 'e-shop-management',
      match: [{ event: 'form_submitted' }],
    },
    {
      id: 'newsletter',
      name: t('Newsletter', 'Nieuwsbrief'),
      channel: 'email',
      mode: 'online',
      department: 'marketing',
      match: [
        { event: 'email_open', where: [{ property: 'list', value: 'newsletter' }] },
        { event: 'email_click', where: [{ property: 'list', value: 'newsletter' }] },
      ],
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
      id: 'cart-reminder',
      name: t('Cart reminder e-mail', 'Herinneringsmail voor de winkelwagen'),
      channel: 'email',
      mode: 'online',
      department: 'marketing',
      match: [{ event: 'email_click', where: [{ property: 'list', value: 'cart-reminder' }] }],
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
      id: 'terms-and-conditions',
      name: t('Terms and conditions', 'Algemene voorwaarden'),
      channel: 'web',
      mode: 'online',
      department: 'legal',
      match: [pageView('/terms')],
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
      id: 'invoice',
      name: t('Invoice', 'Factuur'),
      channel: 'print',
      mode: 'offline',
      department: 'accounting',
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
      id: 'delivery-note',
      name: t('Delivery note', 'Pakbon'),
      channel: 'print',
      mode: 'offline',
      department: 'logistics-service-providers',
    },
    {
      id: 'inserts',
      name: t('Inserts', 'Inlegvellen'),
      channel: 'print',
      mode: 'offline',
      department: 'design-editorial',
    },
    {
      id: 'product',
      name: t('The product', 'Het product'),
      channel: 'product',
      mode: 'offline',
      department: 'product-management',
    },
    {
      id: 'store',
      name: t('Store', 'Winkel'),
      channel: 'store',
      mode: 'offline',
      department: 'customer-management',
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
      id: 'coupon',
      name: t('Coupon', 'Kortingsbon'),
      channel: 'email',
      mode: 'online',
      department: 'marketing',
      match: [{ event: 'coupon_redeemed' }],
    },
    {
      id: 'satisfaction-survey',
      name: t('Satisfaction survey', 'Tevredenheidsonderzoek'),
      channel: 'email',
      mode: 'online',
      department: 'customer-management',
      match: [{ event: 'survey_answer' }],
    },
  ];
}

/**
 * The touchpoints of the catalogue that `stages` name, on steps or objections, in catalogue order.
 * An id the catalogue lacks is left for `validateMap` to report as an unknown reference.
 */
export function touchpointsUsedBy(stages: readonly Stage[], t: Translate): Touchpoint[] {
  const used = new Set<string>();
  for (const stage of stages) {
    for (const objection of stage.objections ?? []) if (objection.touchpoint) used.add(objection.touchpoint);
    for (const step of stage.steps) for (const id of step.touchpoints ?? []) used.add(id);
  }
  return touchpointCatalogue(t).filter((touchpoint) => used.has(touchpoint.id));
}
