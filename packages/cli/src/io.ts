import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { jsonText, OptionError } from '@touchline/analytics';
import { formatProblem, type LoadResult, loadMapText, type MapFile, type Problem } from '@touchline/core';

/** Exit codes of every command. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** Where a command reads and writes, so tests can run commands in-process. */
export interface CliIo {
  cwd: string;
  stdout(data: string | Uint8Array): void;
  stderr(text: string): void;
  /** Whether standard output is a terminal (binary output is then refused). */
  stdoutIsTty: boolean;
  /** Whether standard error is a terminal (progress bars are drawn only then). */
  stderrIsTty?: boolean;
  /** Environment variables (the API key of `--server`). */
  env?: Readonly<Record<string, string | undefined>>;
}

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (data) => process.stdout.write(data),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** An error a person caused and can fix; `exitCode` says whether it was bad input or bad usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID,
  ) {
    super(message);
  }
}

/** Runs `read` (options into a spec); options that describe no spec stop the command as a usage error. */
export function readOptions<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OptionError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
}

/** Reads a file relative to the working directory, with a clear error when it is not there. */
export function readText(io: CliIo, path: string): string {
  const absolute = resolve(io.cwd, path);
  if (!existsSync(absolute)) throw new CliError(`${path}: no such file`);
  return readFileSync(absolute, 'utf8');
}

/** Loads a map file; problems name the file as the user wrote it. */
export function loadMapFile(io: CliIo, path: string): LoadResult {
  return loadMapText(readText(io, path), path);
}

/** Loads a map file or stops the command with every problem in it. */
export function requireMap(io: CliIo, path: string): MapFile {
  const result = loadMapFile(io, path);
  if (!result.ok) throw new CliError(result.problems.map(formatProblem).join('\n'));
  return result.file;
}

/** Writes a file, creating its folder; returns the path relative to the working directory. */
export function writeOutput(io: CliIo, path: string, data: string | Uint8Array): string {
  const absolute = resolve(io.cwd, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, data);
  return relative(io.cwd, absolute) || path;
}

export function fileExists(io: CliIo, path: string): boolean {
  return existsSync(resolve(io.cwd, path));
}

/** Prints problems one per line; `withCode` adds each problem's code (lint rules have names to look up). */
export function printProblems(io: CliIo, problems: readonly Problem[], withCode = false): void {
  for (const problem of problems) {
    io.stderr(`${formatProblem(problem)}${withCode ? ` [${problem.code}]` : ''}\n`);
  }
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(jsonText(value));
}

/** "1 warning", "3 errors". */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
