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
