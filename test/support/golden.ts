/**
 * Golden recordings of the real iptables, replayed through the twin.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface RecordedCommand {
  cmd: string;
  stdout: string;
  stderr: string;
  status: number;
}

export interface Recording {
  version: string;
  kernel: string;
  flavour: "nft" | "legacy";
  results: RecordedCommand[];
}

export const GOLDEN_DIR = new URL("../golden/", import.meta.url).pathname;

export function recordings(): Array<[string, Recording]> {
  const dir = join(GOLDEN_DIR, "recorded");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, f), "utf8")) as Recording]);
}

/** Masks what legitimately differs between runs: save timestamps. */
export function normalize(s: string): string {
  return s.replace(/ on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm, " on <DATE>");
}
