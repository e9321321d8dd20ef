/** What every repository of the service database shares: the database, the clock and ids. */
import { randomBytes } from 'node:crypto';
import type { ServiceDb } from './database.ts';

export interface ServiceContext {
  db: ServiceDb;
  /** Epoch milliseconds; injected so tests control time. */
  now(): number;
  /** A new unique id starting with `prefix_`. */
  newId(prefix: string): string;
}

/** A random id: `prefix_` and 16 random bytes in base32 (lower case, no padding). */
export function randomId(prefix: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const bytes = randomBytes(16);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return `${prefix}_${out}`;
}
