/**
 * A measure's result as text: what the CLI prints with `--json` and what the server answers,
 * byte for byte (two-space indentation, a final newline).
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
