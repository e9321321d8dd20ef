/**
 * @mentions in comments: `@` followed by a person's e-mail, the part of the e-mail before the
 * `@`, or their name without spaces (`@ann@example.com`, `@ann`, `@AnnDeVries`), matched without
 * case or accents. An @word that names nobody, or more than one person alike, stays plain text.
 */

/** Someone who can be mentioned: a member of the workspace. */
export interface Mentionable {
  id: string;
  email: string;
  name: string;
}

/** One @mention in a text: who, and where (`start` is the `@`, `end` is exclusive). */
export interface Mention {
  id: string;
  start: number;
  end: number;
}

// The @ must not follow a character of an address, so `ann@example.com` in running text is no mention.
const MENTION = /(?<![\p{L}\p{N}._%+\-@])@([\p{L}\p{N}._%+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;
const TRAILING_PUNCTUATION = /[._%+-]+$/u;

/**
 * Every @mention in `text` that names exactly one of `people`, in order.
 *
 * @example
 * findMentions('Ask @bob or @ann@example.com.', members);
 * // [{ id: 'u_bob', start: 4, end: 8 }, { id: 'u_ann', start: 12, end: 28 }]
 */
export function findMentions(text: string, people: readonly Mentionable[]): Mention[] {
  const byEmail = index(people, (person) => fold(person.email));
  const byLocalPart = index(people, (person) => fold(person.email.split('@')[0] ?? ''));
  const byName = index(people, (person) => fold(person.name).replace(/\s+/gu, ''));
  const mentions: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const token = (match[1] ?? '').replace(TRAILING_PUNCTUATION, '');
    if (token.length === 0) continue;
    const key = fold(token);
    // The most exact way of naming someone decides: a whole e-mail, then its local part, then a name.
    const candidates = byEmail.get(key) ?? byLocalPart.get(key) ?? byName.get(key) ?? [];
    const person = candidates.length === 1 ? candidates[0] : undefined;
    if (person) mentions.push({ id: person.id, start: match.index, end: match.index + 1 + token.length });
  }
  return mentions;
}

/** The ids of the people `text` mentions, each once, in the order first mentioned. */
export function mentionedIds(text: string, people: readonly Mentionable[]): string[] {
  return [...new Set(findMentions(text, people).map((mention) => mention.id))];
}

function index(people: readonly Mentionable[], keyOf: (person: Mentionable) => string) {
  const byKey = new Map<string, Mentionable[]>();
  for (const person of people) {
    const key = keyOf(person);
    if (key.length === 0) continue;
    const same = byKey.get(key);
    if (same) {
      if (!same.some((other) => other.id === person.id)) same.push(person);
    } else byKey.set(key, [person]);
  }
  return byKey;
}

/** Lower case without accents, so `@zoe` finds Zoë. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
