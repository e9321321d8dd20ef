import {
  buildFiveStageMap,
  buildShoesMap,
  type JourneyMap,
  loadMapText,
  stringifyMap,
  TEMPLATES,
} from '@touchline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let clock: number;
beforeEach(async () => {
  clock = Date.UTC(2026, 10, 1);
  server = await startTestServer({ config: { openSignup: true }, now: () => clock });
});
afterEach(async () => {
  await server.close();
});

interface MapReply {
  id: string;
  title: string;
  version: number;
  updatedBy: string | null;
  document: JourneyMap;
}

interface ErrorReply<D = unknown> {
  error: { code: string; message: string; details: D };
}

interface Problem {
  code: string;
  field: string;
  line: number;
  column: number;
  text: string;
}

interface Change {
  kind: string;
  entity: string;
  id: string;
  field?: string;
  before?: unknown;
  after?: unknown;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Ann owns workspace `ann`; Ed is an editor and Vic a viewer in it. */
async function team() {
  const ann = server.client();
  await ann.signUp('ann@example.com', 'correct horse battery', 'Ann');
  return {
    ann,
    ed: await ann.addMember('ann', 'ed@example.com', 'editor', 'Ed'),
    vic: await ann.addMember('ann', 'vic@example.com', 'viewer', 'Vic'),
  };
}

async function createShoes(client: TestClient, workspace = 'ann'): Promise<MapReply> {
  const created = await client.post<MapReply>(`/api/workspaces/${workspace}/maps`, {
    template: 'shoes',
    language: 'en',
  });
  expect(created.status).toBe(201);
  return created.body;
}

function stepCount(map: JourneyMap): number {
  return map.stages.reduce((sum, stage) => sum + stage.steps.length, 0);
}

/** The 1-based line of the first line of `text` that starts with `start`. */
function lineOf(text: string, start: string): number {
  return text.split('\n').findIndex((line) => line.startsWith(start)) + 1;
}

describe('creating and listing maps', () => {
  it('creates a map from every template and lists them as cards with their shape', async () => {
    const { ann } = await team();
    for (const template of TEMPLATES) {
      const created = await ann.post<MapReply>('/api/workspaces/ann/maps', {
        template: template.id,
        language: 'nl',
      });
      expect(created.status).toBe(201);
      expect(created.body.version).toBe(1);
      expect(created.headers.get('etag')).toBe('"1"');
      expect(created.body.document).toEqual(template.build('nl'));
      clock += 1000;
    }
    const cards = await ann.get<Record<string, unknown>[]>('/api/workspaces/ann/maps');
    expect(cards.status).toBe(200);
    expect(cards.body).toEqual(
      [...TEMPLATES].reverse().map((template) => {
        const map = template.build('nl');
        return expect.objectContaining({
          title: map.title,
          version: 1,
          language: 'nl',
          style: map.style,
          stageCount: map.stages.length,
          stepCount: stepCount(map),
          updatedByName: 'Ann',
        });
      }),
    );
  });

  it('titles a map as asked, and takes a document when it is a valid map', async () => {
    const { ed } = await team();
    const titled = await ed.post<MapReply>('/api/workspaces/ann/maps', {
      template: 'five-stage',
      language: 'en',
      title: 'Our web shop',
    });
    expect(titled.body.title).toBe('Our web shop');
    expect(titled.body.document.title).toBe('Our web shop');
    const document = buildShoesMap('en');
    const fromDocument = await ed.post<MapReply>('/api/workspaces/ann/maps', { document });
    expect(fromDocument.status).toBe(201);
    expect(fromDocument.body.document).toEqual(document);
  });

  it('refuses an invalid document with every problem, its line, column and field', async () => {
    const { ann } = await team();
    const document = { ...buildShoesMap('en'), language: 'fr' };
    const reply = await ann.post<ErrorReply<Problem[]>>('/api/workspaces/ann/maps', { document });
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('invalid-map');
    // The document is located in its two-space-indented JSON.
    const text = JSON.stringify(document, null, 2);
    expect(reply.body.error.details).toEqual([
      expect.objectContaining({
        field: 'language',
        line: lineOf(text, '  "language"'),
        column: 15,
        text: expect.stringMatching(new RegExp(`^map\\.json:${lineOf(text, '  "language"')}:15: language: `)),
      }),
    ]);
    const template = await ann.post<ErrorReply>('/api/workspaces/ann/maps', {
      template: 'nope',
      language: 'en',
    });
    expect(template.status).toBe(400);
    expect(template.body.error.code).toBe('invalid-input');
  });
});

describe('importing map files', () => {
  it('imports YAML, JSON and {text, fileName} alike', async () => {
    const { ann } = await team();
    const map = buildFiveStageMap('en');
    const yaml = stringifyMap(map, 'yaml');
    const asYaml = await ann.request<MapReply>('POST', '/api/workspaces/ann/maps/import', yaml, {
      'content-type': 'text/yaml',
    });
    expect(asYaml.status).toBe(201);
    expect(asYaml.body.document).toEqual(map);
    const asJsonFile = await ann.request<MapReply>(
      'POST',
      '/api/workspaces/ann/maps/import',
      JSON.stringify(map),
      {
        'content-type': 'application/json',
      },
    );
    expect(asJsonFile.body.document).toEqual(map);
    const wrapped = await ann.post<MapReply>('/api/workspaces/ann/maps/import', {
      text: yaml,
      fileName: 'web.yaml',
    });
    expect(wrapped.body.document).toEqual(map);
    const plain = await ann.request<MapReply>('POST', '/api/workspaces/ann/maps/import', yaml, {
      'content-type': 'text/plain; charset=utf-8',
    });
    expect(plain.status).toBe(201);
    const history = await ann.get<{ note: string }[]>(`/api/workspaces/ann/maps/${wrapped.body.id}/versions`);
    expect(history.body[0]?.note).toBe('imported from web.yaml');
    const other = await ann.request('POST', '/api/workspaces/ann/maps/import', yaml, {
      'content-type': 'text/csv',
    });
    expect(other.status).toBe(415);
  });

  it('names the line of each problem in a broken file', async () => {
    const { ann } = await team();
    const yaml = stringifyMap(buildFiveStageMap('en'), 'yaml').replace(
      'style: current-state',
      'style: as-is',
    );
    const invalid = await ann.request<ErrorReply<Problem[]>>(
      'POST',
      '/api/workspaces/ann/maps/import',
      yaml,
      {
        'content-type': 'application/yaml',
      },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid-map');
    const line = lineOf(yaml, 'style:');
    expect(invalid.body.error.details).toEqual([
      expect.objectContaining({
        field: 'style',
        line,
        column: 8,
        text: expect.stringMatching(`^map.yaml:${line}:8: style: `),
      }),
    ]);

    const broken = 'schemaVersion: 2\nid: broken\ntitle: [unclosed\nlanguage: en\n';
    const syntax = await ann.post<ErrorReply<Problem[]>>('/api/workspaces/ann/maps/import', {
      text: broken,
      fileName: 'broken.yaml',
    });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error.details[0]).toMatchObject({
      line: expect.any(Number),
      text: expect.stringMatching(/^broken\.yaml:\d+:\d+: /),
    });
    expect(syntax.body.error.details[0]?.line).toBeGreaterThanOrEqual(3);
    expect((await ann.get<unknown[]>('/api/workspaces/ann/maps')).body).toEqual([]);
  });
});

describe('reading and saving versions', () => {
  it('reads the current version or an old one, with the version as ETag', async () => {
    const { ann, vic } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    const renamed = { ...created.document, title: 'Shoes, renamed' };
    const saved = await ann.request<MapReply>('PUT', path, { baseVersion: 1, document: renamed });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);

    const current = await vic.get<MapReply>(path);
    expect(current.status).toBe(200);
    expect(current.headers.get('etag')).toBe('"2"');
    expect(current.body).toMatchObject({ version: 2, title: 'Shoes, renamed', document: renamed });
    const first = await vic.get<MapReply>(`${path}?version=1`);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({ version: 1, title: created.title, document: created.document });
    expect((await vic.get(`${path}?version=3`)).status).toBe(404);
    expect((await vic.get(`${path}?version=0`)).status).toBe(400);
    const unchanged = await vic.request('GET', path, undefined, { 'if-none-match': '"2"' });
    expect(unchanged.status).toBe(304);
    expect((await vic.request('GET', path, undefined, { 'if-none-match': '"1"' })).status).toBe(200);
  });

  it('refuses a save based on an old version with what changed since, then takes the reloaded one', async () => {
    const { ann, ed } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    const annLoaded = await ann.get<MapReply>(path);
    const edLoaded = await ed.get<MapReply>(path);

    const annChange: JourneyMap = { ...annLoaded.body.document, title: 'Shoes by Ann' };
    const annSave = await ann.request<MapReply>('PUT', path, {
      baseVersion: annLoaded.body.version,
      document: annChange,
    });
    expect(annSave.body.version).toBe(2);

    const edChange = (map: JourneyMap): JourneyMap => ({ ...map, scenario: 'Ed rewrote the scenario' });
    const refused = await ed.request<
      ErrorReply<{ currentVersion: number; yourBase: number; changes: Change[]; text: string }>
    >('PUT', path, { baseVersion: edLoaded.body.version, document: edChange(edLoaded.body.document) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('version-conflict');
    expect(refused.body.error.details).toMatchObject({ currentVersion: 2, yourBase: 1 });
    expect(refused.body.error.details.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        entity: 'map',
        field: 'title',
        before: created.title,
        after: 'Shoes by Ann',
      }),
    ]);
    expect(refused.body.error.details.text).toContain('Shoes by Ann');
    expect((await ed.get<MapReply>(path)).body.title).toBe('Shoes by Ann');

    const reloaded = await ed.get<MapReply>(path);
    const edSave = await ed.request<MapReply>(
      'PUT',
      path,
      { document: edChange(reloaded.body.document) },
      {
        'if-match': reloaded.headers.get('etag') ?? '',
      },
    );
    expect(edSave.status).toBe(200);
    expect(edSave.body.version).toBe(3);
    expect(edSave.body.document).toMatchObject({
      title: 'Shoes by Ann',
      scenario: 'Ed rewrote the scenario',
    });
  });

  it('needs a base version, one that exists and agrees with If-Match, and a valid map', async () => {
    const { ann } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    const document = created.document;
    const missing = await ann.request<ErrorReply>('PUT', path, { document });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('base-version-required');
    expect((await ann.request('PUT', path, { baseVersion: 5, document })).status).toBe(400);
    expect((await ann.request('PUT', path, { baseVersion: 1, document }, { 'if-match': '"2"' })).status).toBe(
      400,
    );
    expect((await ann.request('PUT', path, { document }, { 'if-match': 'nonsense' })).status).toBe(400);
    const invalid = await ann.request<ErrorReply<Problem[]>>('PUT', path, {
      baseVersion: 1,
      document: { ...document, stages: [] },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({
      code: 'invalid-map',
      details: [expect.objectContaining({ field: 'stages' })],
    });
    expect((await ann.get<MapReply>(path)).body.version).toBe(1);
  });
});

describe('history', () => {
  it('lists versions with their authors, diffs any two and restores an old one as a new version', async () => {
    const { ann, ed } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    const original = created.document;
    const firstStage = original.stages[0];
    if (!firstStage) throw new Error('the shoe map has stages');
    const withoutFirstStage = { ...original, stages: original.stages.slice(1) };
    clock += 60_000;
    await ed.request('PUT', path, { baseVersion: 1, document: withoutFirstStage, note: 'dropped a stage' });

    const diff = await ann.get<{ from: number; to: number; changes: Change[]; text: string }>(
      `${path}/diff?from=1&to=2`,
    );
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: 1, to: 2 });
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'removed', entity: 'stage', id: firstStage.id }),
    );
    for (const step of firstStage.steps) {
      expect(diff.body.changes).toContainEqual(
        expect.objectContaining({ kind: 'removed', entity: 'step', id: step.id }),
      );
    }
    expect(diff.body.text).toContain(`- stage "${firstStage.id}" removed`);
    const toCurrent = await ann.get<{ to: number }>(`${path}/diff?from=1`);
    expect(toCurrent.body.to).toBe(2);
    expect((await ann.get(`${path}/diff?from=1&to=9`)).status).toBe(404);
    expect((await ann.get(`${path}/diff`)).status).toBe(400);

    clock += 60_000;
    const restored = await ann.post<MapReply>(`${path}/versions/1/restore`, { baseVersion: 2 });
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect(restored.body.document).toEqual(original);
    expect((await ann.get<{ changes: unknown[] }>(`${path}/diff?from=1&to=3`)).body.changes).toEqual([]);
    const stale = await ann.post<ErrorReply<{ currentVersion: number }>>(`${path}/versions/2/restore`, {
      baseVersion: 2,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.currentVersion).toBe(3);

    const versions = await ann.get<
      { version: number; author: { name: string } | null; createdAt: number; note: string | null }[]
    >(`${path}/versions`);
    expect(versions.body.map((v) => [v.version, v.author?.name, v.note])).toEqual([
      [3, 'Ann', 'restored version 1'],
      [2, 'Ed', 'dropped a stage'],
      [1, 'Ann', null],
    ]);
    expect(versions.body.map((v) => v.createdAt)).toEqual([clock, clock - 60_000, clock - 120_000]);
  });

  it('deletes a map softly: gone from the list and every route', async () => {
    const { ann, ed } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    expect((await ed.request('DELETE', path)).status).toBe(204);
    expect((await ann.get<unknown[]>('/api/workspaces/ann/maps')).body).toEqual([]);
    expect((await ann.get(path)).status).toBe(404);
    expect((await ann.get(`${path}/versions`)).status).toBe(404);
    expect((await ann.request('DELETE', path)).status).toBe(404);
  });
});

describe('exports', () => {
  it('exports every format with its type and a file name', async () => {
    const { ann } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}/export`;
    const expected: Record<string, string> = {
      yaml: 'application/yaml',
      json: 'application/json',
      svg: 'image/svg+xml',
      png: 'image/png',
      pdf: 'application/pdf',
      md: 'text/markdown',
      csv: 'text/csv',
      mermaid: 'text/vnd.mermaid',
      matrix: 'text/csv',
    };
    const bodies: Record<string, Buffer> = {};
    for (const [format, type] of Object.entries(expected)) {
      const reply = await ann.download(`${path}?format=${format}`);
      expect(reply.status, format).toBe(200);
      expect(reply.headers.get('content-type'), format).toContain(type);
      expect(reply.headers.get('content-disposition'), format).toMatch(
        /^attachment; filename="[a-z0-9-]+-v1\.[a-z.]+"$/,
      );
      expect(reply.body.length, format).toBeGreaterThan(0);
      bodies[format] = reply.body;
    }
    expect(bodies.pdf?.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(bodies.png?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    const svg = bodies.svg?.toString('utf8') ?? '';
    for (const stage of created.document.stages) expect(svg).toContain(stage.name);
    const yaml = loadMapText(bodies.yaml?.toString('utf8') ?? '', 'shoes.yaml');
    expect(yaml.ok && yaml.file.map).toEqual(created.document);
    expect(JSON.parse(bodies.json?.toString('utf8') ?? '')).toEqual(created.document);
    expect(bodies.md?.toString('utf8')).toContain(created.title);
    expect((await ann.get(`${path}?format=docx`)).status).toBe(400);
  });

  it('exports an old version, and keeps the comments of an imported YAML file where the map did not change', async () => {
    const { ann } = await team();
    const yaml = `# Our web shop, as the workshop of 3 March drew it\n${stringifyMap(
      buildFiveStageMap('en'),
      'yaml',
    ).replace('style: current-state', 'style: current-state # until the new checkout ships')}`;
    const imported = await ann.request<MapReply>('POST', '/api/workspaces/ann/maps/import', yaml, {
      'content-type': 'text/yaml',
    });
    const base = `/api/workspaces/ann/maps/${imported.body.id}`;
    expect((await ann.get(`${base}/export?format=yaml`)).body).toBe(yaml);

    const retitled = { ...imported.body.document, title: 'The web shop' };
    await ann.request('PUT', base, { baseVersion: 1, document: retitled });
    const exported = (await ann.get<string>(`${base}/export?format=yaml`)).body;
    expect(exported).toContain('# Our web shop, as the workshop of 3 March drew it');
    expect(exported).toContain('style: current-state # until the new checkout ships');
    expect(exported).toContain('title: The web shop');
    const reread = loadMapText(exported, 'web.yaml');
    expect(reread.ok && reread.file.map).toEqual(retitled);

    const old = await ann.download(`${base}/export?format=json&version=1`);
    expect(old.headers.get('content-disposition')).toContain('-v1.json');
    expect(JSON.parse(old.body.toString('utf8')).title).toBe(imported.body.title);
  });
});

describe('who may do what', () => {
  it('lets a viewer read and export, but not create, import, update, delete, restore or share', async () => {
    const { ann, vic } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    expect((await vic.get('/api/workspaces/ann/maps')).status).toBe(200);
    expect((await vic.get(path)).status).toBe(200);
    expect((await vic.get(`${path}/versions`)).status).toBe(200);
    expect((await vic.get(`${path}/diff?from=1`)).status).toBe(200);
    expect((await vic.download(`${path}/export?format=svg`)).status).toBe(200);

    const refused = [
      await vic.post('/api/workspaces/ann/maps', { template: 'shoes', language: 'en' }),
      await vic.post('/api/workspaces/ann/maps/import', { text: stringifyMap(created.document, 'yaml') }),
      await vic.request('PUT', path, { baseVersion: 1, document: created.document }),
      await vic.request('DELETE', path),
      await vic.post(`${path}/versions/1/restore`, { baseVersion: 1 }),
      await vic.post(`${path}/share-links`, {}),
      await vic.get(`${path}/share-links`),
    ];
    expect(refused.map((reply) => reply.status)).toEqual(refused.map(() => 403));
    expect((await ann.get<MapReply>(path)).body.version).toBe(1);
  });

  it('lets a read key read maps but write nothing, and an ingest key read nothing', async () => {
    const { ann } = await team();
    const created = await createShoes(ann);
    const path = `/api/workspaces/ann/maps/${created.id}`;
    const keyFor = async (scope: 'read' | 'ingest') => {
      const program = server.client();
      program.apiKey = (
        await ann.post<{ key: string }>('/api/workspaces/ann/keys', { name: scope, scope })
      ).body.key;
      return program;
    };
    const reader = await keyFor('read');
    expect((await reader.get<MapReply>(path)).body.document).toEqual(created.document);
    expect((await reader.get('/api/workspaces/ann/maps')).status).toBe(200);
    expect((await reader.download(`${path}/export?format=pdf`)).status).toBe(200);
    expect((await reader.request('PUT', path, { baseVersion: 1, document: created.document })).status).toBe(
      403,
    );
    expect(
      (await reader.post('/api/workspaces/ann/maps', { template: 'shoes', language: 'en' })).status,
    ).toBe(403);
    expect((await reader.post(`${path}/share-links`, {})).status).toBe(403);
    const ingest = await keyFor('ingest');
    expect((await ingest.get(path)).status).toBe(403);
    expect((await server.client().get(path)).status).toBe(401);
  });

  it("never shows another workspace's maps: 404 on every map route", async () => {
    const { ann } = await team();
    const created = await createShoes(ann);
    const link = await ann.post<{ link: { id: string } }>(
      `/api/workspaces/ann/maps/${created.id}/share-links`,
      {},
    );
    const zed = server.client();
    await zed.signUp('zed@example.com');
    const own = await createShoes(zed, 'zed');
    const id = created.id;
    const document = created.document;
    for (const workspace of ['zed', 'ann']) {
      const path = `/api/workspaces/${workspace}/maps/${id}`;
      const replies = [
        await zed.get(path),
        await zed.get(`${path}?version=1`),
        await zed.request('PUT', path, { baseVersion: 1, document }),
        await zed.request('DELETE', path),
        await zed.get(`${path}/versions`),
        await zed.get(`${path}/diff?from=1`),
        await zed.post(`${path}/versions/1/restore`, { baseVersion: 1 }),
        await zed.download(`${path}/export?format=yaml`),
        await zed.post(`${path}/share-links`, {}),
        await zed.get(`${path}/share-links`),
        await zed.request('DELETE', `${path}/share-links/${link.body.link.id}`),
      ];
      expect(
        replies.map((reply) => reply.status),
        workspace,
      ).toEqual(replies.map(() => 404));
    }
    expect((await zed.get('/api/workspaces/ann/maps')).status).toBe(404);
    expect((await zed.get<{ id: string }[]>('/api/workspaces/zed/maps')).body.map((m) => m.id)).toEqual([
      own.id,
    ]);
    expect((await ann.get<MapReply>(`/api/workspaces/ann/maps/${id}`)).body.version).toBe(1);
  });
});

describe('templates', () => {
  it('lists the templates with names in both languages and draws a preview of each', async () => {
    const anyone = server.client();
    const list =
      await anyone.get<
        { id: string; stages: number; name: { en: string; nl: string }; preview: { nl: string } }[]
      >('/api/templates');
    expect(list.status).toBe(200);
    expect(list.body.map((t) => [t.id, t.stages, t.name.nl])).toEqual(
      TEMPLATES.map((t) => [t.id, t.stages, t.name.nl]),
    );
    const shoes = list.body.find((t) => t.id === 'shoes');
    const preview = await anyone.get<string>(shoes?.preview.nl ?? '');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('image/svg+xml');
    for (const stage of buildShoesMap('nl').stages) expect(preview.body).toContain(stage.name);
    expect((await anyone.get('/api/templates/nope/preview.svg')).status).toBe(404);
    expect((await anyone.get('/api/templates/shoes/preview.svg?language=fr')).status).toBe(400);
  });

  it('describes the map routes in the OpenAPI document', async () => {
    const reply = await server.client().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(reply.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/workspaces/{workspace}/maps',
        '/api/workspaces/{workspace}/maps/import',
        '/api/workspaces/{workspace}/maps/{map}',
        '/api/workspaces/{workspace}/maps/{map}/diff',
        '/api/workspaces/{workspace}/maps/{map}/versions/{version}/restore',
        '/api/workspaces/{workspace}/maps/{map}/export',
        '/api/workspaces/{workspace}/maps/{map}/share-links',
        '/api/shared/{token}',
        '/api/templates',
      ]),
    );
  });
});

describe('maps and the workspace library', () => {
  it('reads a map with the library’s touchpoint in place of its own copy, with a new ETag', async () => {
    const { ann } = await team();
    const created = await createShoes(ann);
    const before = await ann.get<MapReply>(`/api/workspaces/ann/maps/${created.id}`);
    const etag = before.headers.get('etag') ?? '';
    const department = await ann.request('PUT', '/api/workspaces/ann/library/departments/marketing', {
      id: 'marketing',
      name: 'Marketing',
    });
    expect(department.status).toBe(201);
    const put = await ann.request('PUT', '/api/workspaces/ann/library/touchpoints/ad', {
      id: 'ad',
      name: 'Paid social and display',
      channel: 'display',
      mode: 'online',
      department: 'marketing',
    });
    expect(put.status).toBe(201);
    const after = await ann.request<MapReply>('GET', `/api/workspaces/ann/maps/${created.id}`, undefined, {
      'if-none-match': etag,
    });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.body.document.touchpoints?.find((t) => t.id === 'ad')?.name).toBe('Paid social and display');
    const svg = await ann.get<string>(`/api/workspaces/ann/maps/${created.id}/export?format=svg`);
    expect(svg.body).toContain('Paid social and display');
  });
});
