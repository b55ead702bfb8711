/**
 * Stderr text printed by extension print/save hooks (fprintf(stderr) while a
 * rule is listed or saved), collected here and emitted by the command.
 */

let pending = "";

/** Queue stderr text from a print/save hook. */
export function printWarning(text: string): void {
  pending += text;
}

/** Takes (and clears) the text queued since the last call. */
export function takePrintWarnings(): string {
  const t = pending;
  pending = "";
  return t;
}
