/** Runs the command line in-process in a folder of the test's own, capturing what it prints. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../io.ts';
import { main } from '../main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  bytes: Buffer;
}

export interface CliSandbox {
  cwd: string;
  path(name: string): string;
  run(...args: string[]): Promise<CliRun>;
}

/** Runs `touchline ...args` in `cwd`. */
export function runCli(cwd: string, ...args: string[]): Promise<CliRun> {
  return runCliWith({ cwd }, ...args);
}

/** Runs `touchline ...args` in `cwd` with these environment variables (and no others). */
export async function runCliWith(
  { cwd, env = {} }: { cwd: string; env?: Record<string, string> },
  ...args: string[]
): Promise<CliRun> {
  const out: Buffer[] = [];
  let stderr = '';
  const io: CliIo = {
    cwd,
    stdout: (data) => out.push(Buffer.from(data)),
    stderr: (text) => {
      stderr += text;
    },
    stdoutIsTty: false,
    env,
  };
  const code = await main(['node', 'touchline', ...args], io);
  const bytes = Buffer.concat(out);
  return { code, stdout: bytes.toString('utf8'), stderr, bytes };
}

export function cliSandbox(prefix = 'touchline-cli-'): CliSandbox {
  const cwd = mkdtempSync(join(tmpdir(), prefix));
  return { cwd, path: (name) => join(cwd, name), run: (...args) => runCli(cwd, ...args) };
}
