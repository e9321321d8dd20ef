/** People and their sign-in sessions. Passwords and session tokens arrive hashed: no secret is stored. */
import type { ServiceContext } from './context.ts';
import { reusableQuery } from './reusable-query.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  createdAt: number;
}

export interface UserWithPassword extends User {
  passwordHash: string;
}

export interface Session {
  userId: string;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

/** E-mail addresses compare without case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const liveSessionQuery = reusableQuery((db, tokenHash: string, now: number) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.expires_at',
      'users.id',
      'users.email',
      'users.name',
      'users.created_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now),
);

export class Accounts {
  constructor(private readonly context: ServiceContext) {}

  async countUsers(): Promise<number> {
    const row = await this.context.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async createUser(input: { email: string; name: string; passwordHash: string }): Promise<User> {
    const user = {
      id: this.context.newId('u'),
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      password_hash: input.passwordHash,
      created_at: this.context.now(),
    };
    await this.context.db.insertInto('users').values(user).execute();
    return { id: user.id, email: user.email, name: user.name, createdAt: user.created_at };
  }

  async userByEmail(email: string): Promise<UserWithPassword | undefined> {
    const row = await this.context.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst();
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async userById(id: string): Promise<User | undefined> {
    const row = await this.context.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** The people with these ids, those that exist, in no particular order. */
  async usersByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.context.db
      .selectFrom('users')
      .selectAll()
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return rows.map(toUser);
  }

  async createSession(input: {
    tokenHash: string;
    userId: string;
    csrfToken: string;
    ttlMs: number;
  }): Promise<Session> {
    const now = this.context.now();
    const session = {
      token_hash: input.tokenHash,
      user_id: input.userId,
      csrf_token: input.csrfToken,
      created_at: now,
      expires_at: now + input.ttlMs,
    };
    await this.context.db.insertInto('sessions').values(session).execute();
    return {
      userId: input.userId,
      csrfToken: input.csrfToken,
      createdAt: now,
      expiresAt: session.expires_at,
    };
  }

  /** The live session with this token hash, with its user; expired sessions are gone. */
  async session(tokenHash: string): Promise<(Session & { user: User }) | undefined> {
    const [row] = await liveSessionQuery(this.context.db, tokenHash, this.context.now());
    if (!row) return undefined;
    return {
      userId: row.user_id,
      csrfToken: row.csrf_token,
      createdAt: row.session_created_at,
      expiresAt: row.expires_at,
      user: toUser(row),
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.context.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(): Promise<number> {
    const result = await this.context.db
      .deleteFrom('sessions')
      .where('expires_at', '<=', this.context.now())
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toUser(row: { id: string; email: string; name: string; created_at: number }): User {
  return { id: row.id, email: row.email, name: row.name, createdAt: row.created_at };
}
