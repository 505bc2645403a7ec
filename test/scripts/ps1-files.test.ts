import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PS1_DIR } from "../../lib/scripts/ps1-files";
import { analyzeAll } from "./pwsh-analysis";

/**
 * The .ps1 files themselves: each parses on its own, the ones a PowerShell 2.0 host runs hold no
 * 2.0 violation, each carries a behaviour version, and behaviour.json pins every file's text to
 * its version: a changed file without a bumped `# behaviour-version` fails here. After bumping,
 * UPDATE_GOLDEN=1 records the new hashes.
 */
const root = resolve(__dirname, "..", "..");
const files = readdirSync(PS1_DIR).filter((f) => f.endsWith(".ps1")).sort();
const manifestFile = join(PS1_DIR, "behaviour.json");
/** Files that only Windows 8+/Server 2012+ hosts run (PowerShell 3.0 or later there). */
const NEWER_HOSTS_ONLY = new Set(["features-client-modern.ps1", "features-server-modern.ps1"]);

const text = (f: string) => readFileSync(join(PS1_DIR, f), "utf8");
const versionOf = (f: string) => Number(/^# behaviour-version: (\d+)\n/.exec(text(f))?.[1]);
const sha = (f: string) => createHash("sha256").update(text(f)).digest("hex");

describe("lib/scripts/ps1", () => {
  it("every file parses alone and the PowerShell 2.0 ones hold no 2.0 construct", async () => {
    expect(files.length).toBeGreaterThanOrEqual(14);
    const analyses = await analyzeAll(files.map(text));
    files.forEach((f, i) => {
      expect(analyses[i].errors, f).toEqual([]);
      if (!NEWER_HOSTS_ONLY.has(f)) expect(analyses[i].ps2, f).toEqual([]);
    });
  });

  it("every file starts with # behaviour-version: N, and behaviour.json pins its text", () => {
    const manifest: Record<string, { version: number; sha256: string }> = existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, "utf8")) : {};
    const problems: string[] = [];
    const next: typeof manifest = {};
    for (const f of files) {
      const version = versionOf(f);
      expect(Number.isInteger(version), `${f} lacks its # behaviour-version line`).toBe(true);
      const pinned = manifest[f];
      next[f] = { version, sha256: sha(f) };
      if (!pinned) {
        if (process.env.UPDATE_GOLDEN !== "1") problems.push(`${f} is not in behaviour.json: run with UPDATE_GOLDEN=1`);
      } else if (pinned.sha256 !== next[f].sha256 && version <= pinned.version) {
        problems.push(`${f} changed but its behaviour-version is still ${version}: bump it (the stdin of every step using it changes, so every host re-runs), then run with UPDATE_GOLDEN=1`);
      } else if (pinned.sha256 !== next[f].sha256 && process.env.UPDATE_GOLDEN !== "1") {
        problems.push(`${f} was bumped to ${version}: run with UPDATE_GOLDEN=1 to record it`);
      } else if (pinned.version !== version && pinned.sha256 === next[f].sha256) {
        problems.push(`${f}: behaviour-version ${version} but behaviour.json says ${pinned.version}`);
      }
    }
    for (const f of Object.keys(manifest)) if (!files.includes(f)) problems.push(`behaviour.json lists ${f}, which no longer exists: run with UPDATE_GOLDEN=1`);
    if (process.env.UPDATE_GOLDEN === "1" && problems.every((p) => p.includes("UPDATE_GOLDEN"))) {
      writeFileSync(manifestFile, `${JSON.stringify(next, null, 2)}\n`);
      return;
    }
    expect(problems).toEqual([]);
  });
});

describe("the package ships the .ps1 files and dist finds them", () => {
  it("the build copied them next to dist/scripts, and the built generators read them from there", () => {
    const dist = join(root, "dist", "scripts");
    const { PS1_DIR: distDir } = require(join(dist, "ps1-files.js")) as { PS1_DIR: string };
    expect(distDir).toBe(join(dist, "ps1"));
    for (const f of files) expect(readFileSync(join(distDir, f), "utf8"), f).toBe(text(f));
    const { hostPrepareScript } = require(join(dist, "host-prepare.js"));
    const script = hostPrepareScript({ os: "windows-7", domain: "LAB", siteServer: "cm01.lab.local", dpServer: "win701.lab.local", installFeatures: true, grantLocalAdmin: true }, "create");
    expect(script).toContain(text("host-prepare.ps1"));
  });

  it("npm pack includes every .ps1 and behaviour.json", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
    const packed = new Set((JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path));
    for (const f of [...files, "behaviour.json"]) expect(packed.has(`dist/scripts/ps1/${f}`), f).toBe(true);
  });
});
