import { describe, expect, it } from 'vitest';
import { findMentions, type Mentionable, mentionedIds } from './mentions.ts';

const ann: Mentionable = { id: 'u_ann', email: 'ann@example.com', name: 'Ann de Vries' };
const bob: Mentionable = { id: 'u_bob', email: 'bob@example.com', name: 'Bob' };
const zoe: Mentionable = { id: 'u_zoe', email: 'z.smit@example.nl', name: 'Zoë Smit' };
const people = [ann, bob, zoe];

describe('findMentions', () => {
  it.each([
    ['by e-mail', 'see @ann@example.com', 'u_ann', '@ann@example.com'],
    ['by e-mail without case', 'see @ANN@Example.com', 'u_ann', '@ANN@Example.com'],
    ['by the e-mail before the @', 'see @bob please', 'u_bob', '@bob'],
    ['by a local part with a dot', 'see @z.smit', 'u_zoe', '@z.smit'],
    ['by name without spaces', 'see @AnnDeVries', 'u_ann', '@AnnDeVries'],
    ['by name without accents', 'see @zoesmit', 'u_zoe', '@zoesmit'],
    ['by name with accents', 'see @ZoëSmit', 'u_zoe', '@ZoëSmit'],
    ['before a full stop', 'thanks @bob.', 'u_bob', '@bob'],
    ['before a comma', '@bob, look', 'u_bob', '@bob'],
    ['an e-mail before a full stop', 'ask @bob@example.com.', 'u_bob', '@bob@example.com'],
    ['at the very start', '@bob', 'u_bob', '@bob'],
    ['in brackets', '(cc @bob)', 'u_bob', '@bob'],
  ])('finds a member %s', (_how, text, id, written) => {
    const mentions = findMentions(text, people);
    expect(mentions.map((m) => m.id)).toEqual([id]);
    const [mention] = mentions;
    expect(mention && text.slice(mention.start, mention.end)).toBe(written);
  });

  it.each([
    ['nobody of that name', 'hi @carol'],
    ['an e-mail address in running text', 'mail bob@example.com about it'],
    ['a lone @', 'meet @ 10'],
    ['an e-mail of someone else', 'ask @bob@elsewhere.org'],
    ['only punctuation', 'hm @...'],
  ])('leaves %s as text', (_what, text) => {
    expect(findMentions(text, people)).toEqual([]);
  });

  it('lets the most exact way of naming someone decide, and leaves an ambiguous name as text', () => {
    const sam = { id: 'u_sam', email: 'sam@example.com', name: 'Alex' };
    const alsoSam = { id: 'u_sam2', email: 'b@example.com', name: 'Sam' };
    expect(mentionedIds('@sam', [sam, alsoSam])).toEqual(['u_sam']);
    const otherAnn = { id: 'u_ann2', email: 'ann@other.org', name: 'Ann' };
    expect(mentionedIds('@ann', [ann, otherAnn])).toEqual([]);
    expect(mentionedIds('@ann@other.org', [ann, otherAnn])).toEqual(['u_ann2']);
  });
});

describe('mentionedIds', () => {
  it('names each person once, in the order first mentioned', () => {
    expect(mentionedIds('@bob and @ann, then @bob@example.com again and @nobody', people)).toEqual([
      'u_bob',
      'u_ann',
    ]);
  });
});
