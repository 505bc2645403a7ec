import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

/**
 * The PowerShell the tests run: pwsh 7.6.9 and Pester, installed into .tools/ by `npm run setup`
 * (scripts/setup.sh). A missing install is an error that says how to fix it, never a skipped test.
 */
const root = resolve(__dirname, "..", "..");

export const PWSH = join(root, ".tools", "pwsh", "pwsh");

export function pwshPath(): string {
  if (!existsSync(PWSH)) throw new Error(`PowerShell is not installed at ${PWSH}: run npm run setup (README, "Set up and test")`);
  return PWSH;
}

/** The Pester module manifest under .tools/nuget/pester/<version>/tools/. */
export function pesterManifest(): string {
  const dir = join(root, ".tools", "nuget", "pester");
  const versions = existsSync(dir) ? readdirSync(dir) : [];
  if (versions.length === 0) throw new Error(`Pester is not installed under ${dir}: run npm run setup`);
  return join(dir, versions.sort().at(-1)!, "tools", "Pester.psd1");
}
