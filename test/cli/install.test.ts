import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./helpers";

/**
 * Installable: `npm pack` gives a package that installs into a fresh Pulumi TypeScript project
 * offline (from the npm cache the project's own `npm ci` filled), on the project's Node ≥ 22,
 * without EBADENGINE noise; there its CLI runs, and a program with a Hierarchy type-checks
 * against the installed typings and runs under Pulumi's mocks.
 */

const root = join(__dirname, "../..");
/** npm itself, run by this Node (the documented one, ≥ 22), not by whatever `node` is first on PATH. */
const NPM_CLI = [join(dirname(process.execPath), "../lib/node_modules/npm/bin/npm-cli.js"), "/usr/lib/node_modules/npm/bin/npm-cli.js"].find(existsSync)!;
const env = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}`, NO_COLOR: "1", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; engines: { node: string }; peerDependencies: Record<string, string> };
const installed = (name: string) => (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

const npm = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [NPM_CLI, ...args], { cwd, env, encoding: "utf8", timeout: 300_000 });
const show = (r: SpawnSyncReturns<string>) => `exit ${r.status}\n${r.stdout}\n${r.stderr}`.slice(-4000);

type LockEntry = { version?: string; resolved?: string; integrity?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; [k: string]: unknown };

/** The lockfile of a project with `manifest`'s dependencies, from the entries of this repository's lockfile. */
function lockFor(manifest: { name: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }) {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const own = lock.packages[""];
  const packages: Record<string, LockEntry> = {};
  /** Where node finds `name` from the package at `from` (nested first, then up to the top). */
  const locate = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = `${dir === "" ? "" : `${dir}/`}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (dir === "") return undefined;
      const i = dir.lastIndexOf("/node_modules/");
      dir = i < 0 ? "" : dir.slice(0, i);
    }
  };
  const visit = (from: string, deps: Record<string, string>, optional = false) => {
    for (const name of Object.keys(deps)) {
      const at = locate(from, name);
      if (!at) {
        if (optional) continue;
        throw new Error(`package-lock.json has no ${name} (needed by ${from || "the project"})`);
      }
      if (packages[at]) continue;
      const { dev: _d, devOptional: _o, peer: _p, ...entry } = lock.packages[at] as LockEntry & { dev?: boolean; devOptional?: boolean; peer?: boolean };
      packages[at] = entry;
      visit(at, entry.dependencies ?? {});
      visit(at, entry.optionalDependencies ?? {}, true);
      const peers = Object.keys(entry.peerDependencies ?? {}).filter((p) => !entry.peerDependenciesMeta?.[p]?.optional);
      visit(at, Object.fromEntries(peers.map((p) => [p, "*"])), true);
    }
  };
  const { "pulumi-configmgr": self, ...registryDeps } = manifest.dependencies;
  visit("", { ...registryDeps, ...manifest.devDependencies });
  visit("", own.dependencies as Record<string, string>); // the package's own dependencies (commander, yaml, zod …)
  packages["node_modules/pulumi-configmgr"] = {
    version: pkg.version,
    resolved: self,
    dependencies: own.dependencies,
    peerDependencies: pkg.peerDependencies,
    bin: { "pulumi-configmgr": "dist/cli/main.js" },
    engines: pkg.engines,
  };
  for (const dev of Object.keys(manifest.devDependencies)) {
    const at = `node_modules/${dev}`;
    if (packages[at]) packages[at] = { ...packages[at], dev: true };
  }
  return {
    name: manifest.name,
    lockfileVersion: 3,
    requires: true,
    packages: { "": { name: manifest.name, dependencies: manifest.dependencies, devDependencies: manifest.devDependencies }, ...packages },
  };
}

let project: string;
let install: SpawnSyncReturns<string>;
let tarball: string;

beforeAll(() => {
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), "pulumi-configmgr-install-"));
  // dist is built already: no rebuild (prepare) under the feet of other test files
  const pack = npm(root, "pack", "--pack-destination", work, "--silent", "--ignore-scripts");
  expect(pack.status, show(pack)).toBe(0);
  tarball = join(work, pack.stdout.trim().split("\n").pop()!);
  // What `pulumi new typescript` lays out (pulumi/templates typescript/), plus the package and its peers.
  project = join(work, "stack");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify(
      {
        name: "configmgr-stack",
        main: "index.ts",
        devDependencies: { "@types/node": installed("@types/node"), typescript: installed("typescript") },
        dependencies: { "@pulumi/pulumi": installed("@pulumi/pulumi"), "@pulumi/command": installed("@pulumi/command") },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(project, "Pulumi.yaml"), "name: configmgr-stack\nruntime:\n  name: nodejs\n  options:\n    typescript: true\ndescription: ConfigMgr hierarchy\n");
  writeFileSync(
    join(project, "tsconfig.json"),
    // pulumi/templates typescript/tsconfig.json, as `pulumi new typescript` writes it (no skipLibCheck).
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          outDir: "bin",
          target: "es2020",
          module: "nodenext",
          moduleResolution: "nodenext",
          sourceMap: true,
          experimentalDecorators: true,
          pretty: true,
          noFallthroughCasesInSwitch: true,
          noImplicitReturns: true,
          forceConsistentCasingInFileNames: true,
        },
        files: ["index.ts"],
      },
      null,
      2,
    ),
  );
  copyFileSync(join(root, "examples/lab/topology.yaml"), join(project, "topology.yaml"));
  writeFileSync(
    join(project, "index.ts"),
    `import * as path from "path";
import { Hierarchy, validateDocument, loadTopologyFile } from "pulumi-configmgr";

const file = path.join(__dirname, "..", "topology.yaml");
export const verdict = validateDocument(loadTopologyFile(file)).summary;
const lab = new Hierarchy("lab", { topology: file });
export const distributionPoints = Object.keys(lab.distributionPoints);
export const dpUrn = lab.distributionPoints["win701.lab.local"].urn;
`,
  );
  // A user's project carries its lockfile; here it is cut from this repository's own (same
  // versions, same integrity hashes), so `npm ci --offline` takes every tarball from the cache
  // that this repository's `npm ci` filled. Only pulumi-configmgr comes from the packed file.
  const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8"));
  manifest.dependencies["pulumi-configmgr"] = `file:../${basename(tarball)}`;
  writeFileSync(join(project, "package.json"), JSON.stringify(manifest, null, 2));
  writeFileSync(join(project, "package-lock.json"), JSON.stringify(lockFor(manifest), null, 2));
  install = npm(project, "ci", "--offline", "--no-audit", "--no-fund");
}, 600_000);

describe("npm pack → a fresh Pulumi TypeScript project, offline", () => {
  it("the package holds the built CLI, the typings, the scripts and the schema, and no sources or tests", () => {
    const list = spawnSync("tar", ["tzf", tarball], { encoding: "utf8" }).stdout.split("\n");
    expect(list).toContain("package/dist/cli/main.js");
    expect(list).toContain("package/dist/index.d.ts");
    expect(list).toContain("package/schema/topology.schema.json");
    expect(list.some((f) => f.startsWith("package/test/") || f.startsWith("package/lib/") || f.endsWith(".test.js"))).toBe(false);
  });

  it("installs from the npm cache alone, with no EBADENGINE warning on the documented Node", () => {
    expect(install.status, show(install)).toBe(0);
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(22);
    expect(`${install.stdout}${install.stderr}`).not.toMatch(/EBADENGINE|Unsupported engine/);
    expect(pkg.engines.node).toBe(">=22");
    // Every installed package's engines field admits the Node the README documents (≥ 22: 22 and 24 here).
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue;
        const at = join(dir, entry.name);
        if (entry.name.startsWith("@")) walk(at);
        else if (existsSync(join(at, "package.json"))) {
          const engines = (JSON.parse(readFileSync(join(at, "package.json"), "utf8")) as { engines?: { node?: string } }).engines?.node;
          if (engines && /^\s*(>=?\s*2[3-9]|\^2[3-9]|>=?\s*[3-9]\d)/.test(engines)) offenders.push(`${entry.name}: ${engines}`);
          if (existsSync(join(at, "node_modules"))) walk(join(at, "node_modules"));
        }
      }
    };
    walk(join(project, "node_modules"));
    expect(offenders).toEqual([]);
  });

  it("its CLI runs: validate, rules, --version", () => {
    const bin = join(project, "node_modules/.bin/pulumi-configmgr");
    const validate = spawnSync(bin, ["validate", "topology.yaml"], { cwd: project, env, encoding: "utf8" });
    expect(validate.status, show(validate)).toBe(0);
    expect(validate.stdout).toBe("topology.yaml: no problems found\n\n0 errors, 0 warnings, 0 waived\n");
    const version = spawnSync(bin, ["--version"], { cwd: project, env, encoding: "utf8" });
    expect(version.stdout.trim()).toBe(pkg.version);
    const rules = spawnSync(bin, ["rules"], { cwd: project, env, encoding: "utf8" });
    expect(rules.stdout).toMatch(/^DP-CLIENTS-MAX\s+error\s+yes/m);
  });

  it("a program with a Hierarchy type-checks against the installed typings and runs under Pulumi's mocks", () => {
    const tsc = spawnSync(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", project], { cwd: project, env, encoding: "utf8" });
    expect(tsc.status, show(tsc)).toBe(0);
    writeFileSync(
      join(project, "mocks.js"),
      `const pulumi = require("@pulumi/pulumi");
const types = [];
pulumi.runtime.setAllConfig({ "configmgr-stack:unused": "x", "configmgr:user": "LAB\\\\pulumi", "configmgr:password": "pw" }, ["configmgr:password"]);
pulumi.runtime.setMocks({ newResource: (a) => { types.push(a.type); return { id: a.name + "-id", state: a.inputs }; }, call: (a) => a.inputs }, "configmgr-stack", "dev", false);
const program = require("./bin/index.js");
program.dpUrn.apply(async (urn) => {
  await new Promise((r) => setTimeout(r, 200));
  console.log(JSON.stringify({ verdict: program.verdict, dps: program.distributionPoints, urn, types: [...new Set(types)].sort() }));
});
`,
    );
    const run = spawnSync(process.execPath, ["mocks.js"], { cwd: project, env, encoding: "utf8", timeout: 120_000 });
    expect(run.status, show(run)).toBe(0);
    const out = JSON.parse(run.stdout.trim().split("\n").pop()!) as { verdict: unknown; dps: string[]; urn: string; types: string[] };
    expect(out.verdict).toEqual({ errors: 0, warnings: 0, waived: 0 });
    expect(out.dps).toEqual(["win701.lab.local"]);
    expect(out.urn).toMatch(/::configmgr-stack::.*configmgr:index:DistributionPoint::lab-win701\.lab\.local$/);
    expect(out.types).toEqual(expect.arrayContaining(["configmgr:index:Hierarchy", "configmgr:index:DistributionPoint", "command:remote:Command"]));
  });
});
