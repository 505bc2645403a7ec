import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ANSI, brokenLabYaml, labYaml, tempDir, writeDoc } from "./helpers";

const root = join(__dirname, "../..");
const bin = join(root, "dist/cli/main.js");

/** `npm test` builds dist in pretest; a lone `vitest run test/cli` rebuilds when the CLI sources are newer. */
function ensureBuilt(): void {
  const newest = ["lib/cli", "lib/report"]
    .flatMap((dir) => readdirSync(join(root, dir)).map((f) => statSync(join(root, dir, f)).mtimeMs))
    .reduce((a, b) => Math.max(a, b), 0);
  if (existsSync(bin) && statSync(bin).mtimeMs >= newest) return;
  // Other modules may have type errors while being written; tsc still emits, so only the output matters.
  spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { cwd: root });
}

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "" } });

describe("the pulumi-configmgr bin", () => {
  beforeAll(ensureBuilt, 120_000);

  it("runs end to end: exit codes cross the process boundary, piped output is plain", () => {
    expect(existsSync(bin)).toBe(true);
    const clean = run("validate", writeDoc("bin-lab.yaml", labYaml()));
    expect(clean.stderr).toBe("");
    expect(clean.status).toBe(0);
    expect(clean.stdout).toMatch(/0 errors, 0 warnings, 0 waived\n$/);
    expect(clean.stdout).not.toMatch(ANSI);

    const broken = run("validate", "--format", "json", writeDoc("bin-broken.yaml", brokenLabYaml()));
    expect(broken.status).toBe(1);
    expect(JSON.parse(broken.stdout).summary).toEqual({ errors: 2, warnings: 0, waived: 0 });

    const missing = run("validate", join(tempDir(), "missing.yaml"));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing\.yaml: file not found\n$/);
    expect(missing.stderr).not.toMatch(/\n\s+at /); // no stack trace

    const usage = run("validate", "--nope");
    expect(usage.status).toBe(2);

    const schema = run("schema");
    expect(schema.status).toBe(0);
    expect(JSON.parse(schema.stdout).title).toMatch(/topology/);
  });
});
