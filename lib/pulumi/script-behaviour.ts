import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";

/**
 * The behaviour version of every PowerShell file the steps are made of (the `# behaviour-version: N`
 * first line of each .ps1 the library ships in scripts/ps1), by file name.
 *
 * A step re-runs on a host when its stdin changes, and its stdin is made only of these files and
 * the document's data: a library upgrade that changes no behaviour leaves every stdin byte-identical
 * (test/pulumi/registration.test.ts checks it across two builds). One that does change a file bumps
 * its version and says so in CHANGELOG.md; the Hierarchy's Topology resource carries this map as
 * `scriptBehaviour`, so `pulumi preview` names the files whose behaviour changed
 * (`~ scriptBehaviour: { dp-role.ps1: 1 => 2 }`) next to the steps that will run their update.
 */
export function scriptBehaviour(dir: string = join(__dirname, "..", "scripts", "ps1")): Record<string, number> {
  const out: Record<string, number> = {};
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ps1")).sort()) {
    const m = /^# behaviour-version: (\d+)\r?\n/.exec(readFileSync(join(dir, file), "utf8"));
    if (m) out[file] = Number(m[1]);
  }
  return out;
}
