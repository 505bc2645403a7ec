import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { labDoc } from "../fixtures/lab";
import { ensureBuilt } from "./helpers";

/**
 * examples/github-actions/configmgr.yml uses the CLI's real commands: every `pulumi-configmgr`
 * command of its `run:` steps is run (the built bin, no shell) in a git repository laid out as
 * a pull request would be, and must succeed and write the files the later steps upload.
 */

const root = join(__dirname, "../..");
const bin = join(root, "dist/cli/main.js");
const workflow = parse(readFileSync(join(root, "examples/github-actions/configmgr.yml"), "utf8")) as {
  env: Record<string, string>;
  jobs: Record<string, { steps: { name?: string; run?: string; uses?: string; with?: Record<string, string> }[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);

/** Splits a `run:` line into the commands between `||`, `&&` and `;`, and each into words (double quotes, $VAR, ${{ expr }}). */
function commandsOf(script: string, vars: Record<string, string>): string[][] {
  const expanded = script.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in vars)) throw new Error(`the test knows no value for \${{ ${expr} }}`);
    return vars[expr];
  });
  return expanded
    .split(/\|\||&&|;|\n/)
    .map((part) => {
      const words: string[] = [];
      for (const m of part.trim().matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) {
        words.push((m[1] ?? m[2]).replace(/\$([A-Z_]+)/g, (_, name: string) => vars[name] ?? `$${name}`));
      }
      return words;
    })
    .filter((w) => w.length > 0);
}

let repo: string;

beforeAll(() => {
  ensureBuilt();
  repo = mkdtempSync(join(tmpdir(), "pulumi-configmgr-gha-"));
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=ci@example.invalid", "-c", "user.name=ci", ...args], { cwd: repo, encoding: "utf8" });
  git("init", "-q");
  writeFileSync(join(repo, workflow.env.TOPOLOGY), stringify(labDoc()));
  git("add", ".");
  git("commit", "-qm", "base");
  git("update-ref", "refs/remotes/origin/main", "HEAD"); // what checkout with fetch-depth 0 leaves
  const head = labDoc();
  head.distributionPoints[0].hardware = { cores: 4, memoryGB: 16 };
  writeFileSync(join(repo, workflow.env.TOPOLOGY), stringify(head));
}, 120_000);

describe("examples/github-actions/configmgr.yml", () => {
  const vars = { ...workflow.env, "github.base_ref": "main" };
  const cli = steps.flatMap((s) => (s.run ? commandsOf(s.run, vars) : [])).filter((words) => words[0] === "npx" && words[1] === "pulumi-configmgr");

  it("validates with annotations, writes SARIF, diffs against the base branch and writes the report", () => {
    expect(cli.map((w) => w.slice(2, 3).concat(w.includes("--format") ? [w[w.indexOf("--format") + 1]] : []).join(" "))).toEqual([
      "validate github",
      "validate sarif",
      "diff markdown",
      "report",
    ]);
  });

  it("every pulumi-configmgr command runs as written and succeeds", () => {
    for (const words of cli) {
      const run = spawnSync(process.execPath, [bin, ...words.slice(2)], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      expect({ command: words.join(" "), status: run.status, stderr: run.stderr }).toEqual({ command: words.join(" "), status: 0, stderr: "" });
    }
    const diff = readFileSync(join(repo, "configmgr-diff.md"), "utf8");
    expect(diff).toContain("`git:origin/main:topology.yaml` → `topology.yaml`");
    expect(diff).toMatch(/`hardware\.memoryGB`: 8 → 16/);
  });

  it("the files the upload steps name are the ones the commands wrote", () => {
    const uploads = steps.filter((s) => s.uses?.startsWith("github/codeql-action/upload-sarif") || s.uses?.startsWith("marocchino/sticky-pull-request-comment") || s.uses?.startsWith("actions/upload-artifact"));
    expect(uploads).toHaveLength(3);
    for (const s of uploads) {
      const file = s.with!.sarif_file ?? s.with!.path;
      expect(existsSync(join(repo, file)), file).toBe(true);
    }
    const sarif = JSON.parse(readFileSync(join(repo, "configmgr.sarif"), "utf8"));
    expect(sarif.version).toBe("2.1.0");
  });

  it("the pulumi preview step runs only where a stack is configured", () => {
    const preview = steps.find((s) => s.uses?.startsWith("pulumi/actions"))!;
    expect(preview.with).toMatchObject({ command: "preview" });
    expect((preview as { if?: string }).if).toBe("vars.PULUMI_STACK != ''");
  });
});
