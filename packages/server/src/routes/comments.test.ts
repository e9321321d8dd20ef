import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { team } from '../testing/team.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let people: Awaited<ReturnType<typeof team>>;
let comments: string;

beforeEach(async () => {
  server = await startTestServer({ config: { openSignup: true } });
  people = await team(server);
  comments = `/api/workspaces/${people.slug}/maps/${people.map.id}/comments`;
});
afterEach(async () => {
  await server.close();
});

interface PersonRef {
  id: string;
  name: string;
}
interface CommentReply {
  id: string;
  threadId: string;
  cell: string;
  body: string;
  author: PersonRef;
  mentions: PersonRef[];
  editedAt: number | null;
}
interface ThreadReply extends CommentReply {
  resolved: boolean;
  resolvedBy: PersonRef | null;
  cellInMap: boolean;
  replies: CommentReply[];
}
interface MentionsReply {
  items: {
    workspace: { slug: string };
    map: { id: string; title: string };
    threadResolved: boolean;
    comment: CommentReply;
  }[];
  next: string | null;
}

describe('threads on cells of a map', () => {
  it('starts a thread with resolved @mentions, takes replies on its cell and lists it', async () => {
    const { ann, eddie, vic } = people;
    const started = await eddie.client.post<ThreadReply>(comments, {
      cell: 'step:checkout/painPoints/0',
      body: 'Is this still true, @ann? cc @vic@example.com, @AnnDeVries and @nobody',
    });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      cell: 'step:checkout/painPoints/0',
      body: 'Is this still true, @ann? cc @vic@example.com, @AnnDeVries and @nobody',
      author: { id: eddie.id, name: 'Eddie Smith' },
      mentions: [
        { id: ann.id, name: 'Ann de Vries' },
        { id: vic.id, name: 'Vic' },
      ],
      resolved: false,
      cellInMap: true,
      replies: [],
    });
    expect(started.body.threadId).toBe(started.body.id);

    const reply = await ann.client.post<CommentReply>(`${comments}/${started.body.id}/replies`, {
      body: 'Yes, @EddieSmith: 38% name the shipping costs',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      threadId: started.body.id,
      cell: 'step:checkout/painPoints/0',
      author: { id: ann.id, name: 'Ann de Vries' },
      mentions: [{ id: eddie.id, name: 'Eddie Smith' }],
    });
    // A reply to a reply joins the same thread.
    const again = await eddie.client.post<CommentReply>(`${comments}/${reply.body.id}/replies`, {
      body: 'Thanks',
    });
    expect(again.body).toMatchObject({ threadId: started.body.id, cell: 'step:checkout/painPoints/0' });

    await ann.client.post(comments, { cell: 'stage:purchase/objections/1', body: 'Still an objection?' });
    await ann.client.post(comments, { cell: 'map', body: 'Shall we add a persona?' });

    const listed = await vic.client.get<ThreadReply[]>(comments);
    expect(listed.status).toBe(200);
    expect(listed.body.map((t) => [t.cell, t.replies.map((r) => r.body)])).toEqual([
      ['step:checkout/painPoints/0', ['Yes, @EddieSmith: 38% name the shipping costs', 'Thanks']],
      ['stage:purchase/objections/1', []],
      ['map', []],
    ]);
    const onCell = await vic.client.get<ThreadReply[]>(`${comments}?cell=stage:purchase/objections/1`);
    expect(onCell.body.map((t) => t.body)).toEqual(['Still an objection?']);
    expect((await vic.client.get<ThreadReply[]>(`${comments}?cell=step:checkout`)).body).toEqual([]);

    const thread = await vic.client.get<ThreadReply>(`${comments}/${again.body.id}`);
    expect(thread.status).toBe(200);
    expect(thread.body.id).toBe(started.body.id);
    expect(thread.body.replies).toHaveLength(2);
  });

  it('refuses a cell the map does not have, or an address that is no cell, saying why', async () => {
    const { eddie } = people;
    const cases: [string, string, string][] = [
      ['step:pays', 'unknown-cell', 'the map has no step "pays"'],
      ['step:checkout/painPoints/1', 'unknown-cell', 'painPoints of step "checkout" has 1 entry (index 0)'],
      ['touchpoint:billboard', 'unknown-cell', 'the map has no touchpoint "billboard"'],
      ['checkout', 'invalid-cell', 'is not a cell address'],
      ['step:checkout/feelings/0', 'invalid-cell', 'no lane "feelings"'],
    ];
    for (const [cell, code, message] of cases) {
      const reply = await eddie.client.post(comments, { cell, body: 'Hm' });
      expect(reply.status, cell).toBe(400);
      expect(reply.body).toMatchObject({ error: { code, message: expect.stringContaining(message) } });
    }
    expect((await eddie.client.get(`${comments}?cell=nonsense`)).status).toBe(400);
    expect((await eddie.client.get<unknown[]>(comments)).body).toEqual([]);
  });

  it('says when a thread is pinned to a cell the current map no longer has', async () => {
    const { eddie } = people;
    const started = await eddie.client.post<ThreadReply>(comments, {
      cell: 'step:checkout',
      body: 'Too long',
    });
    const current = await server.deps.store.maps.get(people.map.workspaceId, people.map.id);
    if (!current) throw new Error('the map is gone');
    const document = structuredClone(current.document);
    for (const stage of document.stages) stage.steps = stage.steps.filter((step) => step.id !== 'checkout');
    await server.deps.store.maps.save({
      workspaceId: current.workspaceId,
      mapId: current.id,
      baseVersion: current.version,
      document,
      authorId: null,
    });
    const thread = await eddie.client.get<ThreadReply>(`${comments}/${started.body.id}`);
    expect(thread.body.cellInMap).toBe(false);
  });

  it('resolves and reopens a thread, and filters by it', async () => {
    const { ann, eddie } = people;
    const first = await eddie.client.post<ThreadReply>(comments, { cell: 'step:checkout', body: 'One' });
    const second = await eddie.client.post<ThreadReply>(comments, { cell: 'step:checkout', body: 'Two' });
    const reply = await ann.client.post<CommentReply>(`${comments}/${first.body.id}/replies`, {
      body: 'Done',
    });

    const resolved = await ann.client.post<ThreadReply>(`${comments}/${reply.body.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      id: first.body.id,
      resolved: true,
      resolvedBy: { id: ann.id, name: 'Ann de Vries' },
    });
    const open = await eddie.client.get<ThreadReply[]>(`${comments}?resolved=false`);
    expect(open.body.map((t) => t.id)).toEqual([second.body.id]);
    const closed = await eddie.client.get<ThreadReply[]>(`${comments}?resolved=true&cell=step:checkout`);
    expect(closed.body.map((t) => t.id)).toEqual([first.body.id]);

    const reopened = await eddie.client.post<ThreadReply>(`${comments}/${first.body.id}/reopen`);
    expect(reopened.body).toMatchObject({ resolved: false, resolvedBy: null });
    expect((await eddie.client.get<ThreadReply[]>(`${comments}?resolved=false`)).body).toHaveLength(2);
  });

  it('lets authors change their words, mentions read again, and no one else', async () => {
    const { ann, eddie, vic } = people;
    const started = await eddie.client.post<ThreadReply>(comments, { cell: 'map', body: 'Ask @vic' });
    expect(started.body.mentions.map((m) => m.id)).toEqual([vic.id]);
    expect(started.body.editedAt).toBeNull();
    const edited = await eddie.client.request<CommentReply>('PATCH', `${comments}/${started.body.id}`, {
      body: 'Ask @ann instead',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Ask @ann instead');
    expect(edited.body.mentions.map((m) => m.id)).toEqual([ann.id]);
    expect(edited.body.editedAt).toEqual(expect.any(Number));
    const byOwner = await ann.client.request('PATCH', `${comments}/${started.body.id}`, { body: 'Mine now' });
    expect(byOwner.status).toBe(403);
    expect((await vic.client.get<MentionsReply>('/api/mentions')).body.items).toEqual([]);
  });

  it("lets editors delete their own comments and owners anyone's, taking a thread's replies along", async () => {
    const { ann, eddie } = people;
    const annThread = await ann.client.post<ThreadReply>(comments, { cell: 'map', body: 'Owner speaking' });
    const eddieReply = await eddie.client.post<CommentReply>(`${comments}/${annThread.body.id}/replies`, {
      body: 'Editor answering',
    });
    const notHis = await eddie.client.request('DELETE', `${comments}/${annThread.body.id}`);
    expect(notHis.status).toBe(403);
    expect(notHis.body).toMatchObject({ error: { code: 'forbidden' } });

    expect((await eddie.client.request('DELETE', `${comments}/${eddieReply.body.id}`)).status).toBe(204);
    const eddieThread = await eddie.client.post<ThreadReply>(comments, { cell: 'map', body: 'Mine' });
    await ann.client.post(`${comments}/${eddieThread.body.id}/replies`, { body: 'A reply' });
    expect((await ann.client.request('DELETE', `${comments}/${eddieThread.body.id}`)).status).toBe(204);
    const left = await eddie.client.get<ThreadReply[]>(comments);
    expect(left.body.map((t) => [t.body, t.replies.length])).toEqual([['Owner speaking', 0]]);
    expect((await ann.client.request('DELETE', `${comments}/${eddieThread.body.id}`)).status).toBe(404);
  });
});

describe('who may see and write comments', () => {
  it('keeps viewers and read keys to reading', async () => {
    const { ann, vic } = people;
    const thread = await ann.client.post<ThreadReply>(comments, { cell: 'map', body: 'Hello' });
    const attempts = [
      vic.client.post(comments, { cell: 'map', body: 'Me too' }),
      vic.client.post(`${comments}/${thread.body.id}/replies`, { body: 'Me too' }),
      vic.client.post(`${comments}/${thread.body.id}/resolve`),
      vic.client.post(`${comments}/${thread.body.id}/reopen`),
      vic.client.request('PATCH', `${comments}/${thread.body.id}`, { body: 'x' }),
      vic.client.request('DELETE', `${comments}/${thread.body.id}`),
    ];
    for (const attempt of await Promise.all(attempts)) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ error: { code: 'forbidden' } });
    }
    expect((await vic.client.get<ThreadReply[]>(comments)).body).toHaveLength(1);

    const key = await ann.client.post<{ key: string }>(`/api/workspaces/${people.slug}/keys`, {
      name: 'wiki',
      scope: 'read',
    });
    const program = server.client();
    program.apiKey = key.body.key;
    expect((await program.get<ThreadReply[]>(comments)).body).toHaveLength(1);
    expect((await program.post(comments, { cell: 'map', body: 'From a program' })).status).toBe(403);
    expect((await program.get('/api/mentions')).status).toBe(403);
  });

  it("never shows another workspace's comments", async () => {
    const { ann, zed, zedMap } = people;
    const thread = await ann.client.post<ThreadReply>(comments, { cell: 'map', body: 'Private' });
    const zedComments = `/api/workspaces/${people.zedSlug}/maps/${zedMap.id}/comments`;
    await zed.client.post(zedComments, { cell: 'map', body: 'Zed thinks' });
    const outsider = [
      zed.client.get(comments),
      zed.client.get(`${comments}/${thread.body.id}`),
      zed.client.post(comments, { cell: 'map', body: 'Let me in' }),
      // Ann's map and comment through Zed's own workspace.
      zed.client.get(`/api/workspaces/${people.zedSlug}/maps/${people.map.id}/comments`),
      zed.client.get(`${zedComments}/${thread.body.id}`),
      zed.client.request('DELETE', `${zedComments}/${thread.body.id}`),
      zed.client.post(`${zedComments}/${thread.body.id}/replies`, { body: 'x' }),
      // Zed's map through Ann's workspace, by Ann.
      ann.client.get(`/api/workspaces/${people.slug}/maps/${zedMap.id}/comments`),
      zed.client.get(`/api/mentions?workspace=${people.slug}`),
    ];
    for (const reply of await Promise.all(outsider)) expect(reply.status).toBe(404);
    expect((await ann.client.get<ThreadReply[]>(comments)).body.map((t) => t.body)).toEqual(['Private']);
  });

  it('answers bad input with 400 and the fields at fault', async () => {
    const { eddie } = people;
    const empty = await eddie.client.post(comments, { cell: 'map', body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      error: { code: 'invalid-input', details: [expect.objectContaining({ path: 'body' })] },
    });
    const noCell = await eddie.client.post(comments, { body: 'Where?' });
    expect(noCell.body).toMatchObject({ error: { details: [expect.objectContaining({ path: 'cell' })] } });
    expect((await eddie.client.post(comments, { cell: 'map', body: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await eddie.client.get(`${comments}?resolved=maybe`)).status).toBe(400);
    expect((await eddie.client.get('/api/mentions?limit=0')).status).toBe(400);
    expect((await eddie.client.get('/api/mentions?before=yesterday')).status).toBe(400);
    expect((await eddie.client.post(`${comments}/cmt_nothing/replies`, { body: 'x' })).status).toBe(404);
  });
});

describe('comments that mention me', () => {
  it('lists them newest first across my workspaces, page by page, open or resolved', async () => {
    const { ann, eddie, vic } = people;
    const first = await eddie.client.post<ThreadReply>(comments, { cell: 'map', body: '@vic first' });
    await eddie.client.post(comments, { cell: 'map', body: 'not for vic' });
    await ann.client.post(`${comments}/${first.body.id}/replies`, { body: '@vic.: second' });
    await ann.client.post(comments, { cell: 'step:checkout', body: 'third, @vic@example.com' });

    const all = await vic.client.get<MentionsReply>('/api/mentions');
    expect(all.status).toBe(200);
    expect(all.body.items.map((m) => m.comment.body)).toEqual([
      'third, @vic@example.com',
      '@vic.: second',
      '@vic first',
    ]);
    expect(all.body.items[1]).toMatchObject({
      workspace: { slug: people.slug },
      map: { id: people.map.id, title: people.map.title },
      threadResolved: false,
      comment: {
        threadId: first.body.id,
        author: { name: 'Ann de Vries' },
        mentions: [{ id: vic.id, name: 'Vic' }],
      },
    });
    expect(all.body.next).toBeNull();

    const pages: string[] = [];
    let next: string | null = null;
    do {
      const page: { body: MentionsReply } = await vic.client.get<MentionsReply>(
        `/api/mentions?limit=2${next === null ? '' : `&before=${next}`}`,
      );
      pages.push(...page.body.items.map((m) => m.comment.body));
      next = page.body.next;
    } while (next !== null);
    expect(pages).toEqual(all.body.items.map((m) => m.comment.body));

    await ann.client.post(`${comments}/${first.body.id}/resolve`);
    const waiting = await vic.client.get<MentionsReply>(
      `/api/mentions?resolved=false&workspace=${people.slug}`,
    );
    expect(waiting.body.items.map((m) => m.comment.body)).toEqual(['third, @vic@example.com']);
    const done = await vic.client.get<MentionsReply>('/api/mentions?resolved=true');
    expect(done.body.items.every((m) => m.threadResolved)).toBe(true);
    expect(done.body.items).toHaveLength(2);
    expect((await eddie.client.get<MentionsReply>('/api/mentions')).body.items).toEqual([]);
  });
});
