/** The canonical event: what every import, the collect endpoint and the generator produce. */

/** Fields with a column of their own; any other property name reads `properties`. */
export const EVENT_FIELDS = [
  'event_id',
  'user_id',
  'timestamp',
  'event',
  'session_id',
  'channel',
  'campaign',
  'url',
  'revenue',
  'value',
  'properties',
] as const;

export type EventField = (typeof EVENT_FIELDS)[number];

/**
 * The event that joins an anonymous visitor to a customer: sent (by the snippet's `identify`)
 * under the customer's id, with the visitor's id in `properties.anonymous_id`. The store then
 * counts the visitor's events, earlier and later, as the customer's.
 */
export const IDENTIFY_EVENT = 'identify';
export const ANONYMOUS_ID_PROPERTY = 'anonymous_id';

/** Fields every event must have. */
export const REQUIRED_EVENT_FIELDS = ['user_id', 'timestamp', 'event'] as const;

export interface TrackedEvent {
  eventId?: string;
  userId: string;
  /** Epoch milliseconds. */
  time: number;
  event: string;
  sessionId?: string;
  channel?: string;
  campaign?: string;
  url?: string;
  revenue?: number;
  value?: number;
  properties?: Readonly<Record<string, unknown>>;
}

/** Ad spend of one day, channel and campaign. */
export interface CostRecord {
  /** `YYYY-MM-DD`. */
  date: string;
  channel: string;
  campaign: string;
  cost: number;
  impressions: number;
  viewableImpressions: number;
  audibleImpressions: number;
  clicks: number;
}

/** The columns of a cost file, in the order the export writes them. */
export const COST_FIELDS = [
  'date',
  'channel',
  'campaign',
  'cost',
  'impressions',
  'viewable_impressions',
  'audible_impressions',
  'clicks',
] as const;
