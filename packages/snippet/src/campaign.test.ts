import { describe, expect, it } from 'vitest';
import { campaignFromSearch, channelOfMedium } from './campaign.ts';

describe('channelOfMedium', () => {
  it.each([
    ['cpc', 'search'],
    ['PPC', 'search'],
    ['paid_search', 'search'],
    ['Paid Search', 'search'],
    ['paidsearch', 'search'],
    ['organic', 'search'],
    ['email', 'email'],
    ['e-mail', 'email'],
    ['Newsletter', 'email'],
    ['social', 'social'],
    ['paid-social', 'social'],
    ['paidsocial', 'social'],
    ['social-media', 'social'],
    ['display', 'display'],
    ['banner', 'display'],
    ['cpm', 'display'],
    ['affiliate', 'partner'],
    ['affiliates', 'partner'],
    ['partner', 'partner'],
    ['video', 'video'],
    ['paid_video', 'video'],
    ['podcast', 'audio'],
    // No clear match: the medium as given.
    ['QR-code', 'QR-code'],
    ['print', 'print'],
    ['mail', 'mail'],
    ['socialist', 'socialist'],
    ['cpc-test', 'cpc-test'],
  ])('%s -> %s', (medium, channel) => {
    expect(channelOfMedium(medium)).toBe(channel);
  });
});

describe('campaignFromSearch', () => {
  it.each([
    [
      '?utm_source=google&utm_medium=cpc&utm_campaign=brand-search',
      { channel: 'search', campaign: 'brand-search', source: 'google' },
    ],
    ['?utm_medium=newsletter&utm_campaign=weekly%2042', { channel: 'email', campaign: 'weekly 42' }],
    ['?utm_source=instagram', { source: 'instagram' }],
    ['?utm_campaign=launch', { campaign: 'launch' }],
    ['?gclid=abc', { channel: 'search' }],
    ['?fbclid=abc&utm_campaign=sneaker-launch', { channel: 'social', campaign: 'sneaker-launch' }],
    // utm_medium says more than a click id.
    ['?gclid=abc&utm_medium=display', { channel: 'display' }],
    ['?utm_medium=%20&utm_campaign=', undefined],
    ['?color=red', undefined],
    ['', undefined],
  ])('%s', (search, source) => {
    expect(campaignFromSearch(search)).toEqual(source);
  });
});
