/**
 * Campaign parameters of a landing URL: which channel and campaign brought the visitor. Pure
 * (URLSearchParams only), so it is tested in Node and bundled into the snippet.
 */

/** Where a visit came from, as the landing page view carries it. */
export interface VisitSource {
  channel?: string;
  campaign?: string;
  /** `utm_source` as given (`google`, `newsletter`), kept in the page view's properties. */
  source?: string;
}

/**
 * `utm_medium` values that clearly name one of the map's channels (the demo data's vocabulary:
 * affiliates are `partner`). Matched after lower-casing and turning `-` and `_` into spaces.
 */
const CHANNEL_OF_MEDIUM: readonly (readonly [RegExp, string])[] = [
  [/^(cpc|ppc|sem|paid ?search|search|organic)$/, 'search'],
  [/^(e ?mail|newsletter)$/, 'email'],
  [/^(paid ?)?social( media| network)?$|^social paid$/, 'social'],
  [/^(display|banners?|cpm)$/, 'display'],
  [/^affiliates?$|^partners?$/, 'partner'],
  [/^(paid ?)?video$/, 'video'],
  [/^(audio|podcast)$/, 'audio'],
];

/** The channel a `utm_medium` names, or the medium as given when it names none clearly. */
export function channelOfMedium(medium: string): string {
  const key = medium
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ')
    .trim();
  for (const [pattern, channel] of CHANNEL_OF_MEDIUM) if (pattern.test(key)) return channel;
  return medium;
}

/**
 * Reads `utm_source`, `utm_medium`, `utm_campaign` and the ad click ids of a query string.
 * Without `utm_medium`, a `gclid` says paid search and an `fbclid` paid social. Undefined when
 * the URL carries none of them.
 *
 * @example
 * campaignFromSearch('?utm_source=google&utm_medium=cpc&utm_campaign=brand-search')
 * // {channel: 'search', campaign: 'brand-search', source: 'google'}
 */
export function campaignFromSearch(search: string): VisitSource | undefined {
  const query = new URLSearchParams(search);
  const value = (name: string) => query.get(name)?.trim() || undefined;
  const medium = value('utm_medium');
  const channel = medium
    ? channelOfMedium(medium)
    : query.has('gclid')
      ? 'search'
      : query.has('fbclid')
        ? 'social'
        : undefined;
  const source: VisitSource = {};
  if (channel) source.channel = channel;
  const campaign = value('utm_campaign');
  if (campaign) source.campaign = campaign;
  const utmSource = value('utm_source');
  if (utmSource) source.source = utmSource;
  return channel || campaign || utmSource ? source : undefined;
}
