import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('signing up and in', () => {
  it('makes the first person an owner, in an httpOnly SameSite session cookie', async () => {
    const ann = server.client();
    const reply = await ann.signUp('ann@example.com');
    expect(reply.status).toBe(201);
    expect(reply.body.workspaces).toEqual([expect.objectContaining({ slug: 'ann', role: 'owner' })]);
    const cookie = reply.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tl_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = await ann.get<{ user: { email: string } }>('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe('ann@example.com');
  });

  it('lets later people in by invitation only, with the invited role', async () => {
    const ann = server.client();
    await ann.signUp('ann@example.com');
    const bob = server.client();
    const closed = await bob.signUp('bob@example.com');
    expect(closed.status).toBe(403);
    expect(closed.body).toMatchObject({ error: { code: 'signup-closed' } });

    const invited = await ann.post<{ token: string }>('/api/workspaces/ann/invitations', {
      email: 'bob@example.com',
      role: 'viewer',
    });
    expect(invited.status).toBe(201);
    const wrongPerson = await server.client().post('/api/auth/signup', {
      email: 'eve@example.com',
      name: 'Eve',
      password: 'long enough password',
      invitation: invited.body.token,
    });
    expect(wrongPerson.status).toBe(400);
    const joined = await bob.post<{ workspaces: { slug: string; role: string }[] }>('/api/auth/signup', {
      email: 'bob@example.com',
      name: 'Bob',
      password: 'long enough password',
      invitation: invited.body.token,
    });
    expect(joined.status).toBe(201);
    expect(joined.body.workspaces).toEqual([expect.objectContaining({ slug: 'ann', role: 'viewer' })]);
    const again = await server.client().post('/api/auth/signup', {
      email: 'bob2@example.com',
      name: 'Bob',
      password: 'long enough password',
      invitation: invited.body.token,
    });
    expect(again.status).toBe(400);
  });

  it('refuses a wrong password, then too many attempts', async () => {
    await server.client().signUp('ann@example.com', 'the right password');
    const guesser = server.client();
    const wrong = await guesser.post('/api/auth/signin', {
      email: 'ann@example.com',
      password: 'wrong password',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'wrong-credentials', message: expect.any(String) } });
    let status = 0;
    for (let attempt = 0; attempt < 12 && status !== 429; attempt++) {
      status = (await guesser.post('/api/auth/signin', { email: 'ann@example.com', password: 'nope nope' }))
        .status;
    }
    expect(status).toBe(429);
  });

  it('signs in with the right password and out again', async () => {
    await server.client().signUp('ann@example.com', 'the right password');
    const ann = server.client();
    expect(
      (await ann.post('/api/auth/signin', { email: 'ANN@example.com', password: 'the right password' }))
        .status,
    ).toBe(200);
    expect((await ann.get('/api/workspaces')).status).toBe(200);
    expect((await ann.post('/api/auth/signout')).status).toBe(204);
    expect((await ann.get('/api/auth/session')).status).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const ann = server.client();
    await ann.signUp('ann@example.com');
    const forged = await ann.request(
      'POST',
      '/api/workspaces',
      { name: 'Forged' },
      { 'x-csrf-token': 'guess' },
    );
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'csrf' } });
    ann.csrfToken = undefined;
    expect((await ann.post('/api/workspaces', { name: 'No token' })).status).toBe(403);
  });

  it('answers invalid input with the fields at fault', async () => {
    const reply = await server
      .client()
      .post('/api/auth/signup', { email: 'not an e-mail', name: '', password: 'short' });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({
      error: {
        code: 'invalid-input',
        details: expect.arrayContaining([
          expect.objectContaining({ path: 'email' }),
          expect.objectContaining({ path: 'password' }),
        ]),
      },
    });
  });
});

describe('roles and API keys', () => {
  async function teamWithViewer() {
    const ann = server.client();
    await ann.signUp('ann@example.com');
    const invited = await ann.post<{ token: string }>('/api/workspaces/ann/invitations', {
      email: 'vic@example.com',
      role: 'viewer',
    });
    const vic = server.client();
    await vic.post('/api/auth/signup', {
      email: 'vic@example.com',
      name: 'Vic',
      password: 'long enough password',
      invitation: invited.body.token,
    });
    return { ann, vic };
  }

  it('lets owners manage people, keeps the last owner, and keeps viewers to reading', async () => {
    const { ann, vic } = await teamWithViewer();
    const members = await vic.get<{ id: string; email: string; role: string }[]>(
      '/api/workspaces/ann/members',
    );
    expect(members.body.map((m) => [m.email, m.role])).toEqual([
      ['ann@example.com', 'owner'],
      ['vic@example.com', 'viewer'],
    ]);
    const annId = members.body[0]?.id;
    const vicId = members.body[1]?.id;
    expect((await vic.request('PUT', `/api/workspaces/ann/members/${vicId}`, { role: 'owner' })).status).toBe(
      403,
    );
    expect((await vic.request('PATCH', '/api/workspaces/ann', { name: 'Mine' })).status).toBe(403);
    const demote = await ann.request('PUT', `/api/workspaces/ann/members/${annId}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect(
      (await ann.request('PUT', `/api/workspaces/ann/members/${vicId}`, { role: 'editor' })).status,
    ).toBe(200);
    expect((await ann.request('DELETE', `/api/workspaces/ann/members/${vicId}`)).status).toBe(204);
    expect((await vic.get('/api/workspaces/ann')).status).toBe(404);
  });

  it('shows a key once, stores only its hash, and keeps it to its workspace and scope', async () => {
    const ann = server.client();
    await ann.signUp('ann@example.com');
    await ann.post('/api/workspaces', { name: 'Other', slug: 'other' });
    const created = await ann.post<{ key: string; apiKey: { id: string; prefix: string } }>(
      '/api/workspaces/ann/keys',
      {
        name: 'reporting',
        scope: 'read',
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^tl_read_/);
    expect(created.body.key.startsWith(created.body.apiKey.prefix)).toBe(true);
    const listed = await ann.get<unknown[]>('/api/workspaces/ann/keys');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);

    const program = server.client();
    program.apiKey = created.body.key;
    expect((await program.get('/api/workspaces/ann')).status).toBe(200);
    expect((await program.get('/api/workspaces/other')).status).toBe(404);
    expect((await program.get('/api/workspaces/ann/keys')).status).toBe(403);
    expect((await program.post('/api/workspaces/ann/keys', { name: 'x', scope: 'read' })).status).toBe(403);

    expect((await ann.request('DELETE', `/api/workspaces/ann/keys/${created.body.apiKey.id}`)).status).toBe(
      204,
    );
    expect((await program.get('/api/workspaces/ann')).status).toBe(401);
  });
});

describe('the OpenAPI document', () => {
  it('describes the routes from their schemas', async () => {
    const reply = await server
      .client()
      .get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/signup',
        '/api/workspaces/{workspace}/members',
        '/api/workspaces/{workspace}/keys',
      ]),
    );
  });

  it('sends security headers and a JSON 404', async () => {
    const reply = await server.client().get('/api/nothing-here');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not-found' } });
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
