import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildShoesMap } from '@touchline/core';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StorageError } from '../errors.ts';
import { SERVICE_MIGRATIONS } from './schema.ts';
import { ServiceStore } from './service-store.ts';

let directory: string;
let clock: number;
let store: ServiceStore;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'touchline-service-'));
  clock = Date.UTC(2026, 0, 1);
  store = ServiceStore.open(join(directory, 'touchline.sqlite'), { now: () => clock });
});

afterEach(() => {
  store.close();
  rmSync(directory, { recursive: true, force: true });
});

async function person(email = 'ann@example.com') {
  return store.accounts.createUser({ email, name: 'Ann', passwordHash: 'scrypt$x' });
}

describe('accounts', () => {
  it('finds people by e-mail without case, and keeps e-mails unique', async () => {
    const ann = await person('Ann@Example.com ');
    expect((await store.accounts.userByEmail('ANN@example.com'))?.id).toBe(ann.id);
    await expect(person('ann@example.com')).rejects.toThrow(/UNIQUE/);
    expect(await store.accounts.countUsers()).toBe(1);
  });

  it('finds people by their ids, skipping unknown ones', async () => {
    const ann = await person('ann@example.com');
    const bob = await person('bob@example.com');
    const found = await store.accounts.usersByIds([bob.id, 'u_nobody', ann.id, bob.id]);
    expect(found.map((u) => u.email).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    expect(await store.accounts.usersByIds([])).toEqual([]);
  });

  it('ends a session when it expires or is deleted', async () => {
    const ann = await person();
    await store.accounts.createSession({ tokenHash: 'h1', userId: ann.id, csrfToken: 'c', ttlMs: 1000 });
    expect((await store.accounts.session('h1'))?.user.email).toBe('ann@example.com');
    clock += 1000;
    expect(await store.accounts.session('h1')).toBeUndefined();
    expect(await store.accounts.deleteExpiredSessions()).toBe(1);
    await store.accounts.createSession({ tokenHash: 'h2', userId: ann.id, csrfToken: 'c', ttlMs: 1000 });
    await store.accounts.deleteSession('h2');
    expect(await store.accounts.session('h2')).toBeUndefined();
  });
});

describe('workspaces', () => {
  it('keeps a role per person per workspace', async () => {
    const ann = await person();
    const bob = await person('bob@example.com');
    const a = await store.workspaces.create({ slug: 'a', name: 'A' });
    const b = await store.workspaces.create({ slug: 'b', name: 'B' });
    await store.workspaces.setMember(a.id, ann.id, 'owner');
    await store.workspaces.setMember(b.id, ann.id, 'viewer');
    await store.workspaces.setMember(a.id, bob.id, 'editor');
    expect((await store.workspaces.ofUser(ann.id)).map((w) => [w.slug, w.role])).toEqual([
      ['a', 'owner'],
      ['b', 'viewer'],
    ]);
    expect(await store.workspaces.role(b.id, bob.id)).toBeUndefined();
    await store.workspaces.setMember(a.id, bob.id, 'viewer');
    expect(await store.workspaces.role(a.id, bob.id)).toBe('viewer');
    expect(await store.workspaces.countOwners(a.id)).toBe(1);
    expect(await store.workspaces.removeMember(a.id, bob.id)).toBe(true);
    expect((await store.workspaces.members(a.id)).map((m) => m.email)).toEqual(['ann@example.com']);
    expect((await store.workspaces.withoutMembers()).map((w) => w.slug)).toEqual([]);
  });

  it('accepts an invitation once, before it expires, never lowering a role', async () => {
    const ann = await person();
    const bob = await person('bob@example.com');
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    await store.workspaces.setMember(ws.id, ann.id, 'owner');
    const invitation = await store.workspaces.invite({
      workspaceId: ws.id,
      email: 'Bob@example.com',
      role: 'editor',
      tokenHash: 't',
      invitedBy: ann.id,
      ttlMs: 10_000,
    });
    expect((await store.workspaces.openInvitation('t'))?.email).toBe('bob@example.com');
    expect(await store.workspaces.acceptInvitation(invitation.id, bob.id)).toBe(true);
    expect(await store.workspaces.acceptInvitation(invitation.id, bob.id)).toBe(false);
    expect(await store.workspaces.role(ws.id, bob.id)).toBe('editor');

    const late = await store.workspaces.invite({
      workspaceId: ws.id,
      email: 'ann@example.com',
      role: 'viewer',
      tokenHash: 'late',
      invitedBy: ann.id,
      ttlMs: 10_000,
    });
    expect(await store.workspaces.acceptInvitation(late.id, ann.id)).toBe(true);
    expect(await store.workspaces.role(ws.id, ann.id)).toBe('owner');

    const expired = await store.workspaces.invite({
      workspaceId: ws.id,
      email: 'c@example.com',
      role: 'viewer',
      tokenHash: 'old',
      invitedBy: ann.id,
      ttlMs: 10,
    });
    clock += 10;
    expect(await store.workspaces.openInvitation('old')).toBeUndefined();
    expect(await store.workspaces.acceptInvitation(expired.id, bob.id)).toBe(false);
  });
});

describe('api keys', () => {
  it('finds a live key by its hash only, and not once revoked', async () => {
    const ann = await person();
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    const key = await store.apiKeys.create({
      workspaceId: ws.id,
      name: 'site',
      scope: 'ingest',
      prefix: 'tl_ingest_ab',
      keyHash: 'hash',
      createdBy: ann.id,
    });
    expect((await store.apiKeys.use('hash'))?.scope).toBe('ingest');
    expect((await store.apiKeys.list(ws.id))[0]?.lastUsedAt).toBe(clock);
    expect(await store.apiKeys.revoke('other-workspace', key.id)).toBe(false);
    expect(await store.apiKeys.revoke(ws.id, key.id)).toBe(true);
    expect(await store.apiKeys.use('hash')).toBeUndefined();
  });
});

describe('maps', () => {
  it('keeps every save as a version and refuses a save based on an old one', async () => {
    const ann = await person();
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    const document = buildShoesMap('en');
    const created = await store.maps.create({ workspaceId: ws.id, document, authorId: null });
    expect(created.version).toBe(1);
    const renamed = { ...document, title: 'Shoes, renamed' };
    const first = await store.maps.save({
      workspaceId: ws.id,
      mapId: created.id,
      baseVersion: 1,
      document: renamed,
      authorId: ann.id,
    });
    expect(first?.ok && first.map.version).toBe(2);
    const stale = await store.maps.save({
      workspaceId: ws.id,
      mapId: created.id,
      baseVersion: 1,
      document: { ...document, title: 'Lost edit' },
      authorId: ann.id,
    });
    expect(stale?.ok).toBe(false);
    expect(stale && !stale.ok && stale.current.document.title).toBe('Shoes, renamed');
    expect((await store.maps.get(ws.id, created.id))?.title).toBe('Shoes, renamed');
    expect((await store.maps.get(ws.id, created.id, 1))?.document.title).toBe(document.title);
    expect((await store.maps.versions(ws.id, created.id))?.map((v) => [v.version, v.authorId])).toEqual([
      [2, ann.id],
      [1, null],
    ]);
    expect(await store.maps.get('other', created.id)).toBeUndefined();
    expect(await store.maps.versions('other', created.id)).toBeUndefined();
    expect(await store.maps.delete(ws.id, created.id)).toBe(true);
    expect(await store.maps.list(ws.id)).toEqual([]);
    expect(await store.maps.get(ws.id, created.id)).toBeUndefined();
  });

  it('reads an old version as it was, and lists cards with the shape of the current version', async () => {
    const ann = await person();
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    const document = buildShoesMap('en');
    const created = await store.maps.create({
      workspaceId: ws.id,
      document,
      authorId: null,
      sourceText: '# the shoe shop\ntitle: Shoes\n',
    });
    clock += 1000;
    const fewer = { ...document, title: 'Fewer stages', stages: document.stages.slice(0, 2) };
    await store.maps.save({
      workspaceId: ws.id,
      mapId: created.id,
      baseVersion: 1,
      document: fewer,
      authorId: ann.id,
    });

    const first = await store.maps.get(ws.id, created.id, 1);
    expect(first).toMatchObject({
      version: 1,
      title: document.title,
      updatedBy: null,
      updatedAt: created.createdAt,
    });
    const current = await store.maps.get(ws.id, created.id);
    expect(current).toMatchObject({ version: 2, title: 'Fewer stages', updatedBy: ann.id, updatedAt: clock });
    expect(await store.maps.get(ws.id, created.id, 3)).toBeUndefined();
    expect(await store.maps.head(ws.id, created.id)).toEqual({ id: created.id, version: 2 });
    expect(await store.maps.head('other', created.id)).toBeUndefined();

    const [card] = await store.maps.cards(ws.id);
    expect(card).toMatchObject({
      id: created.id,
      version: 2,
      title: 'Fewer stages',
      updatedByName: 'Ann',
      language: 'en',
      style: fewer.style,
      stageCount: 2,
      stepCount: fewer.stages.reduce((sum, stage) => sum + stage.steps.length, 0),
    });
    expect((await store.maps.versions(ws.id, created.id))?.map((v) => v.authorName)).toEqual(['Ann', null]);

    expect(await store.maps.sourceText(ws.id, created.id, 2)).toEqual({
      version: 1,
      text: '# the shoe shop\ntitle: Shoes\n',
    });
    expect(await store.maps.sourceText('other', created.id, 2)).toBeUndefined();
    const plain = await store.maps.create({ workspaceId: ws.id, document, authorId: null });
    expect(await store.maps.sourceText(ws.id, plain.id, 1)).toBeUndefined();
  });

  it('opens a map by share link until the link is revoked or expires', async () => {
    const ann = await person();
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    const map = await store.maps.create({
      workspaceId: ws.id,
      document: buildShoesMap('nl'),
      authorId: ann.id,
    });
    const link = await store.maps.createShareLink({
      workspaceId: ws.id,
      mapId: map.id,
      tokenHash: 'forever',
      createdBy: ann.id,
      expiresAt: null,
    });
    await store.maps.createShareLink({
      workspaceId: ws.id,
      mapId: map.id,
      tokenHash: 'soon',
      createdBy: ann.id,
      expiresAt: clock + 100,
    });
    expect((await store.maps.shared('forever'))?.id).toBe(map.id);
    expect((await store.maps.shared('soon'))?.id).toBe(map.id);
    clock += 100;
    expect(await store.maps.shared('soon')).toBeUndefined();
    expect(await store.maps.revokeShareLink(ws.id, map.id, link?.id ?? '')).toBe(true);
    expect(await store.maps.shared('forever')).toBeUndefined();
    expect(await store.maps.shareLinks(ws.id, map.id)).toHaveLength(2);
  });
});

describe('comments', () => {
  it('threads replies under a first comment that can be resolved and reopened', async () => {
    const ann = await person();
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    const map = await store.maps.create({
      workspaceId: ws.id,
      document: buildShoesMap('en'),
      authorId: ann.id,
    });
    const first = await store.comments.add({
      mapId: map.id,
      cell: 'step:checkout',
      body: 'Too many fields @bob',
      mentions: ['u_bob'],
      authorId: ann.id,
    });
    const reply = await store.comments.add({
      mapId: map.id,
      cell: 'ignored',
      body: 'Agreed',
      mentions: [],
      authorId: ann.id,
      parentId: first?.id ?? '',
    });
    expect(reply?.cell).toBe('step:checkout');
    expect(
      await store.comments.add({
        mapId: map.id,
        cell: 'x',
        body: 'reply to a reply',
        mentions: [],
        authorId: ann.id,
        parentId: reply?.id ?? '',
      }),
    ).toBeUndefined();
    expect((await store.comments.setResolved(map.id, first?.id ?? '', ann.id))?.resolvedBy).toBe(ann.id);
    expect(await store.comments.setResolved(map.id, reply?.id ?? '', ann.id)).toBeUndefined();
    expect((await store.comments.setResolved(map.id, first?.id ?? '', null))?.resolvedAt).toBeNull();
    expect((await store.comments.ofMap(map.id)).map((c) => [c.body, c.mentions])).toEqual([
      ['Too many fields @bob', ['u_bob']],
      ['Agreed', []],
    ]);
  });
});

describe('comments that mention someone', () => {
  async function team() {
    const ann = await person('ann@example.com');
    const bob = await person('bob@example.com');
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    await store.workspaces.setMember(ws.id, ann.id, 'owner');
    await store.workspaces.setMember(ws.id, bob.id, 'editor');
    const map = await store.maps.create({
      workspaceId: ws.id,
      document: buildShoesMap('en'),
      authorId: ann.id,
    });
    /** Ann comments on the map a second after the last comment. */
    const say = (body: string, mentions: string[], parentId?: string) => {
      clock += 1000;
      return store.comments.add({ mapId: map.id, cell: 'map', body, mentions, authorId: ann.id, parentId });
    };
    return { ann, bob, ws, map, say };
  }

  it('finds them newest first, page by page, by the state of their thread', async () => {
    const { ann, bob, ws, map, say } = await team();
    const first = await say('@bob look', [bob.id, bob.id]);
    await say('nothing for bob', []);
    const reply = await say('@bob again', [bob.id], first?.id);
    const other = await say('@bob elsewhere', [bob.id]);
    expect(first?.mentions).toEqual([bob.id]);

    const all = await store.comments.mentioning(bob.id, { limit: 10 });
    expect(all.map((m) => m.comment.body)).toEqual(['@bob elsewhere', '@bob again', '@bob look']);
    expect(all[1]).toMatchObject({
      threadId: first?.id,
      map: { id: map.id, title: map.title },
      workspace: { id: ws.id, slug: 'w', name: 'W' },
    });
    const page = await store.comments.mentioning(bob.id, { limit: 2 });
    const rest = await store.comments.mentioning(bob.id, { limit: 2, before: page[1]?.cursor });
    expect([...page, ...rest].map((m) => m.comment.id)).toEqual(all.map((m) => m.comment.id));

    await store.comments.setResolved(map.id, first?.id ?? '', ann.id);
    const open = await store.comments.mentioning(bob.id, { limit: 10, resolved: false });
    expect(open.map((m) => m.comment.id)).toEqual([other?.id]);
    const resolved = await store.comments.mentioning(bob.id, { limit: 10, resolved: true });
    expect(resolved.map((m) => [m.comment.id, m.threadResolvedAt])).toEqual([
      [reply?.id, clock],
      [first?.id, clock],
    ]);
    expect(await store.comments.mentioning(ann.id, { limit: 10 })).toEqual([]);
    expect(await store.comments.mentioning(bob.id, { limit: 10, workspaceId: 'ws_other' })).toEqual([]);
  });

  it('follows edits, and forgets deleted threads, deleted maps and workspaces left', async () => {
    const { bob, ws, map, say } = await team();
    const first = await say('hi', []);
    await say('@bob', [bob.id], first?.id);
    clock += 5000;
    const edited = await store.comments.edit(map.id, first?.id ?? '', {
      body: 'hi @bob',
      mentions: [bob.id],
    });
    expect(edited).toMatchObject({ body: 'hi @bob', mentions: [bob.id], editedAt: clock });
    expect(
      await store.comments.edit('map_other', first?.id ?? '', { body: 'x', mentions: [] }),
    ).toBeUndefined();
    expect((await store.comments.mentioning(bob.id, { limit: 10 })).map((m) => m.comment.body)).toEqual([
      '@bob',
      'hi @bob',
    ]);

    await store.workspaces.removeMember(ws.id, bob.id);
    expect(await store.comments.mentioning(bob.id, { limit: 10 })).toEqual([]);
    await store.workspaces.setMember(ws.id, bob.id, 'viewer');
    expect(await store.comments.mentioning(bob.id, { limit: 10 })).toHaveLength(2);

    expect(await store.comments.delete(map.id, first?.id ?? '')).toBe(true);
    expect(await store.comments.ofMap(map.id)).toEqual([]);
    expect(await store.comments.mentioning(bob.id, { limit: 10 })).toEqual([]);

    await say('@bob', [bob.id]);
    await store.maps.delete(ws.id, map.id);
    expect(await store.comments.mentioning(bob.id, { limit: 10 })).toEqual([]);
  });

  it('indexes the mentions of comments written before the index existed', async () => {
    store.close();
    const file = join(directory, 'older.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec(SERVICE_MIGRATIONS[0] as string);
    raw.pragma('user_version = 1');
    raw.exec(`
      INSERT INTO users VALUES ('u_ann', 'ann@example.com', 'Ann', 'x', 1), ('u_bob', 'bob@example.com', 'Bob', 'x', 1);
      INSERT INTO workspaces VALUES ('ws_w', 'w', 'W', 1);
      INSERT INTO memberships VALUES ('ws_w', 'u_bob', 'editor', 1);
      INSERT INTO maps VALUES ('map_m', 'ws_w', 'M', 1, NULL, 1, NULL, 1, NULL);
      INSERT INTO comments (id, map_id, parent_id, cell, body, mentions, author_id, created_at)
        VALUES ('cmt_1', 'map_m', NULL, 'map', '@bob', '["u_bob"]', 'u_ann', 1),
               ('cmt_2', 'map_m', NULL, 'map', 'none', '[]', 'u_ann', 2);
    `);
    raw.close();
    store = ServiceStore.open(file);
    const found = await store.comments.mentioning('u_bob', { limit: 10 });
    expect(found.map((m) => [m.comment.id, m.comment.editedAt])).toEqual([['cmt_1', null]]);
  });
});

describe('library', () => {
  it('keeps one item per kind and id in a workspace', async () => {
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    const touchpoint = { id: 'ad', name: 'Ad', channel: 'display' as const, mode: 'online' as const };
    await store.library.put(ws.id, 'touchpoint', touchpoint, null);
    await store.library.put(ws.id, 'touchpoint', { ...touchpoint, name: 'Display ad' }, null);
    await store.library.put(ws.id, 'department', { id: 'marketing', name: 'Marketing' }, null);
    expect((await store.library.list(ws.id, 'touchpoint')).map((e) => e.item.name)).toEqual(['Display ad']);
    expect((await store.library.all(ws.id)).department.map((d) => d.id)).toEqual(['marketing']);
    expect(await store.library.get('other', 'touchpoint', 'ad')).toBeUndefined();
    expect(await store.library.delete(ws.id, 'touchpoint', 'ad')).toBe(true);
    expect(await store.library.list(ws.id, 'touchpoint')).toEqual([]);
  });

  it('adds many items at once, keeping or replacing those it holds', async () => {
    const ws = await store.workspaces.create({ slug: 'w', name: 'W' });
    await store.library.put(ws.id, 'department', { id: 'marketing', name: 'Marketing' }, null);
    const items = [
      { kind: 'department' as const, item: { id: 'marketing', name: 'Online marketing' } },
      { kind: 'persona' as const, item: { id: 'buyer', name: 'Buyer' } },
    ];
    expect(await store.library.putMany(ws.id, items, null, { replace: false })).toEqual([
      { kind: 'department', id: 'marketing', outcome: 'kept' },
      { kind: 'persona', id: 'buyer', outcome: 'added' },
    ]);
    expect((await store.library.get(ws.id, 'department', 'marketing'))?.item.name).toBe('Marketing');
    expect(await store.library.putMany(ws.id, items, null, { replace: true })).toEqual([
      { kind: 'department', id: 'marketing', outcome: 'replaced' },
      { kind: 'persona', id: 'buyer', outcome: 'replaced' },
    ]);
    expect((await store.library.get(ws.id, 'department', 'marketing'))?.item.name).toBe('Online marketing');
  });
});

describe('the database file', () => {
  it('keeps what was stored across a reopen and refuses a file of a newer schema', async () => {
    await person();
    store.close();
    store = ServiceStore.open(join(directory, 'touchline.sqlite'));
    expect(await store.accounts.countUsers()).toBe(1);
    store.close();
    const raw = new BetterSqlite3(join(directory, 'touchline.sqlite'));
    raw.pragma(`user_version = ${SERVICE_MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => ServiceStore.open(join(directory, 'touchline.sqlite'))).toThrow(StorageError);
    store = ServiceStore.open(':memory:');
  });
});
