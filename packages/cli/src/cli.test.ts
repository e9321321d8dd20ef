import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadMapText, templateById } from '@touchline/core';
import { PNG } from 'pngjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './io.ts';
import { main } from './main.ts';
import { type CliRun, type CliSandbox, cliSandbox } from './testing/run-cli.ts';

let sandbox: CliSandbox;
let cwd: string;

beforeEach(() => {
  sandbox = cliSandbox();
  cwd = sandbox.cwd;
});

const run = (...args: string[]): Promise<CliRun> => sandbox.run(...args);

const file = (name: string): string => join(cwd, name);

describe('touchline init and templates', () => {
  it('lists every template', async () => {
    const { code, stdout } = await run('templates');
    expect(code).toBe(EXIT_OK);
    for (const id of ['retail-b2c', 'five-stage', 'ecommerce', 'shoes']) expect(stdout).toContain(id);
  });

  it('writes a Dutch map from a template that validates', async () => {
    const init = await run('init', '--template', 'shoes', '--lang', 'nl', '-o', 'schoenen.yaml');
    expect(init.code).toBe(EXIT_OK);
    const text = readFileSync(file('schoenen.yaml'), 'utf8');
    expect(text).toContain('language: nl');
    expect(text).toContain('# yaml-language-server: $schema=./map.schema.json');
    const loaded = loadMapText(text, 'schoenen.yaml');
    expect(loaded.ok && loaded.file.map).toEqual(templateById('shoes')?.build('nl'));
    expect((await run('validate', 'schoenen.yaml')).code).toBe(EXIT_OK);
  });

  it('refuses to overwrite a file without --force, and an unknown template, as usage errors', async () => {
    expect((await run('init', '-t', 'ecommerce', '-o', 'a.yaml')).code).toBe(EXIT_OK);
    const again = await run('init', '-t', 'ecommerce', '-o', 'a.yaml');
    expect(again.code).toBe(EXIT_USAGE);
    expect(again.stderr).toContain('already exists');
    expect((await run('init', '-t', 'ecommerce', '-o', 'a.yaml', '--force')).code).toBe(EXIT_OK);
    const unknown = await run('init', '-t', 'bakery');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.stderr).toContain('unknown template "bakery"');
  });
});

describe('touchline validate', () => {
  it('prints file:line:column with the field path and exits 1', async () => {
    await run('init', '-t', 'five-stage', '-o', 'map.yaml');
    const text = readFileSync(file('map.yaml'), 'utf8').replace(/style: [a-z-]+/, 'style: current');
    writeFileSync(file('map.yaml'), text);
    const line = text.split('\n').findIndex((l) => l.startsWith('style:')) + 1;
    const result = await run('validate', 'map.yaml');
    expect(result.code).toBe(EXIT_INVALID);
    expect(result.stderr).toContain(`map.yaml:${line}:8: style: must be one of`);
    expect(result.stderr).toContain('1 problem in 1 file');
  });

  it('validates several files and names the missing one', async () => {
    await run('init', '-t', 'retail-b2c', '-o', 'ok.yaml');
    const result = await run('validate', 'ok.yaml', 'missing.yaml');
    expect(result.code).toBe(EXIT_INVALID);
    expect(result.stdout).toContain('ok.yaml: valid');
    expect(result.stderr).toContain('missing.yaml: no such file');
  });

  it('gives JSON on request', async () => {
    await run('init', '-t', 'retail-b2c', '-o', 'ok.yaml');
    const result = await run('validate', 'ok.yaml', '--json');
    expect(JSON.parse(result.stdout)).toEqual([{ file: 'ok.yaml', valid: true, problems: [] }]);
  });
});

describe('touchline lint', () => {
  it('warns with positions, and --strict turns warnings into a failing exit code', async () => {
    await run('init', '-t', 'five-stage', '-o', 'map.yaml');
    const text = readFileSync(file('map.yaml'), 'utf8').replace(/\n {4}customerGoal: [^\n]*/, '');
    writeFileSync(file('map.yaml'), text);
    const lint = await run('lint', 'map.yaml');
    expect(lint.code).toBe(EXIT_OK);
    expect(lint.stderr).toMatch(
      /^map\.yaml:\d+:\d+: stages\[0\](\.customerGoal)?: .*customer goal.* \[no-customer-goal\]$/m,
    );
    const strict = await run('lint', 'map.yaml', '--strict');
    expect(strict.code).toBe(EXIT_INVALID);
  });

  it('stops with the validation errors of an invalid map', async () => {
    writeFileSync(file('bad.yaml'), 'schemaVersion: 2\nid: Bad Id\n');
    const result = await run('lint', 'bad.yaml');
    expect(result.code).toBe(EXIT_INVALID);
    expect(result.stderr).toContain('bad.yaml:2:5: id: must be a slug');
  });
});

describe('touchline render', () => {
  it('writes every format of the shoe map', async () => {
    await run('init', '-t', 'shoes', '-o', 'shoes.yaml');
    const map = templateById('shoes')?.build('en');
    if (!map) throw new Error('shoes template missing');
    const stepNames = map.stages.flatMap((s) => s.steps.map((step) => step.name));

    const svg = await run('render', 'shoes.yaml', '--format', 'svg');
    expect(svg.code).toBe(EXIT_OK);
    expect(svg.stdout.startsWith('<svg')).toBe(true);

    const md = await run('render', 'shoes.yaml', '-f', 'md');
    for (const name of stepNames) expect(md.stdout).toContain(name);

    const mermaid = await run('render', 'shoes.yaml', '-f', 'mermaid');
    expect(mermaid.stdout).toMatch(/^journey\n/);

    const png = await run('render', 'shoes.yaml', '-f', 'png', '-o', 'shoes.png');
    expect(png.code).toBe(EXIT_OK);
    const decoded = PNG.sync.read(readFileSync(file('shoes.png')));
    expect(decoded.width).toBeGreaterThan(1000);

    const pdf = await run('render', 'shoes.yaml', '-f', 'pdf', '-o', 'out/shoes.pdf');
    expect(pdf.code).toBe(EXIT_OK);
    expect(readFileSync(file('out/shoes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses binary output to a terminal, and an unknown format, as usage errors', async () => {
    await run('init', '-t', 'shoes', '-o', 'shoes.yaml');
    const unknown = await run('render', 'shoes.yaml', '-f', 'docx');
    expect(unknown.code).toBe(EXIT_USAGE);
    const out: string[] = [];
    const code = await main(['node', 'touchline', 'render', 'shoes.yaml', '-f', 'png'], {
      cwd,
      stdout: (d: string | Uint8Array) => out.push(String(d)),
      stderr: (t: string) => out.push(t),
      stdoutIsTty: true,
    });
    expect(code).toBe(EXIT_USAGE);
    expect(out.join('')).toContain('-o shoes.png');
  });
});

describe('touchline import-csv', () => {
  it('turns an exported CSV back into a valid map with the same steps', async () => {
    await run('init', '-t', 'shoes', '--lang', 'nl', '-o', 'shoes.yaml');
    await run('render', 'shoes.yaml', '-f', 'csv', '-o', 'shoes.csv');
    const result = await run(
      'import-csv',
      'shoes.csv',
      '-o',
      'again.yaml',
      '--title',
      'Schoenen',
      '--lang',
      'nl',
    );
    expect(result.code).toBe(EXIT_OK);
    const again = loadMapText(readFileSync(file('again.yaml'), 'utf8'), 'again.yaml');
    if (!again.ok) throw new Error(again.problems.map((p) => p.message).join('\n'));
    const original = templateById('shoes')?.build('nl');
    const ids = (m: typeof again.file.map | undefined) =>
      m?.stages.flatMap((s) => s.steps.map((step) => step.id));
    expect(ids(again.file.map)).toEqual(ids(original));
  });
});

describe('touchline diff and schema', () => {
  it('lists what changed between two maps', async () => {
    await run('init', '-t', 'shoes', '-o', 'current.yaml');
    const text = readFileSync(file('current.yaml'), 'utf8');
    writeFileSync(file('future.yaml'), text.replace('style: current-state', 'style: future-state'));
    const same = await run('diff', 'current.yaml', 'current.yaml', '--exit-code');
    expect(same.code).toBe(EXIT_OK);
    const changed = await run('diff', 'current.yaml', 'future.yaml', '--exit-code');
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('future-state');
    const json = await run('diff', 'current.yaml', 'future.yaml', '--json');
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('future-state');
  });

  it('prints the JSON Schema', async () => {
    const result = await run('schema');
    expect(JSON.parse(result.stdout).title).toBe('Touchline journey map');
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or a missing argument, 0 on --help', async () => {
    expect((await run('frobnicate')).code).toBe(EXIT_USAGE);
    expect((await run('validate')).code).toBe(EXIT_USAGE);
    const help = await run('render', '--help');
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toContain('--format');
  });

  it('runs as a real process through the bin script', async () => {
    const bin = new URL('../bin/touchline.js', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'templates'], { cwd });
    expect(stdout).toContain('shoes');
    const failed = await promisify(execFile)(process.execPath, [bin, 'validate', 'nope.yaml'], { cwd }).catch(
      (e: { code: number }) => e,
    );
    expect((failed as { code: number }).code).toBe(EXIT_INVALID);
  });
});
