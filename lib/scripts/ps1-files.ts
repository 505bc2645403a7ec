import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configBlock, type PsValue } from "./data";

/**
 * The PowerShell of every step lives in real .ps1 files next to this module (lib/scripts/ps1,
 * copied to dist/scripts/ps1 by the build and shipped in the package). A script is the data block
 * followed by the text of its files, in order: shared helpers first, the step's own file last.
 */
export const PS1_DIR = join(__dirname, "ps1");

const cache = new Map<string, string>();

export function ps1Text(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    try {
      text = readFileSync(join(PS1_DIR, file), "utf8").replace(/\r\n/g, "\n");
    } catch (err) {
      throw new Error(`pulumi-configmgr: the PowerShell file ${file} is missing from ${PS1_DIR} (a broken install or build: the package ships dist/scripts/ps1): ${(err as Error).message}`);
    }
    if (!/^# behaviour-version: \d+\n/.test(text)) throw new Error(`internal: ${file} does not start with a # behaviour-version line`);
    cache.set(file, text);
  }
  return text;
}

/** A whole script: `$Config = @{…}` then the files' text. */
export function composeScript(config: { readonly [key: string]: PsValue }, files: readonly string[]): string {
  return configBlock(config) + files.map(ps1Text).join("\n");
}

/** Helpers every step starts with. */
export const COMMON = "common.ps1";
/** Helpers of the scripts that run on a site server. */
export const SITE_SERVER = "site-server.ps1";
