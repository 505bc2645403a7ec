import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scriptBehaviour } from "../../lib/pulumi/script-behaviour";
import { multiSiteDoc } from "./corpus";
import { scriptOfStdin } from "./mocks";
import { cleanup, rpc, startHost } from "./host-harness";
import { PROJECT_ROOT, plainStrings, runProgram, SECRET_SIG, unwrap, type Registered, type Run } from "./monitor";

/**
 * Engine decisions that mocks do not model, checked on what a real program registers with a
 * resource monitor (test/pulumi/monitor.ts): the repository's own programs (examples/lab, the
 * current-branch estate of examples/branch-offices) run from the repository root exactly as
 * `pulumi up` runs them, and a user-style program (programs/hierarchy.ts) for the variants.
 */

const COMMAND = "command:remote:Command";
const DYNAMIC = "pulumi-nodejs:dynamic/configmgr:";
const PASSWORD = "SENTINEL-password-5f2c";
const KEY = "SENTINEL-privatekey-77ab";
const HOST_PASSWORD = "SENTINEL-hostpassword-90d1";
const PXE = "SENTINEL-pxe-31e4";
const SENTINELS = [PASSWORD, KEY, HOST_PASSWORD, PXE];

const CONFIG = {
  "configmgr:user": "LAB\\pulumi",
  "configmgr:password": PASSWORD,
  "configmgr:privateKey": KEY,
  "configmgr:hosts": JSON.stringify({ "sec01.contoso.com": { password: HOST_PASSWORD } }),
  "configmgr-lab:pxePassword": PXE,
};
const SECRET_KEYS = ["configmgr:password", "configmgr:privateKey", "configmgr:hosts", "configmgr-lab:pxePassword"];

const PROGRAM = join(PROJECT_ROOT, "test/pulumi/programs/hierarchy.ts");
const legacy: Record<string, string[]> = JSON.parse(readFileSync(join(__dirname, "golden/urns-0.1.json"), "utf8"));

const failure = (r: Run) => [r.stderr, r.stdout, ...r.logs.filter((l) => l.severity >= 2).map((l) => l.message)].join("\n");

async function run(program: string, env: Record<string, string> = {}): Promise<Run> {
  const r = await runProgram({ program, config: CONFIG, secretKeys: SECRET_KEYS, env });
  if (r.exitCode !== 0) throw new Error(`${program} exited ${r.exitCode}:\n${failure(r)}`);
  return r;
}

/** A document with a PXE password for the secret checks, and the multi-site shape for the moves. */
function estate() {
  const doc = multiSiteDoc();
  const dp7 = doc.distributionPoints.find((d) => d.server === "dp7.contoso.com")!;
  dp7.pxe = { enabled: true, responseDelaySeconds: 5, passwordSecret: "pxePassword" };
  return doc;
}

/** The same identities written differently: site codes lower case, FQDNs and group names upper case. */
function caseChanged(doc: ReturnType<typeof estate>) {
  const d = structuredClone(doc);
  const up = (s: string) => s.toUpperCase();
  if (d.cas) d.cas = { ...d.cas, siteCode: d.cas.siteCode.toLowerCase(), server: up(d.cas.server) };
  d.primarySites = d.primarySites.map((p) => ({ ...p, siteCode: p.siteCode.toLowerCase(), server: up(p.server) }));
  d.secondarySites = d.secondarySites!.map((s) => ({ ...s, siteCode: s.siteCode.toLowerCase(), parent: s.parent.toLowerCase(), server: up(s.server) }));
  d.boundaryGroups = d.boundaryGroups!.map((g) => ({ ...g, name: up(g.name), assignedSite: g.assignedSite?.toLowerCase() }));
  d.distributionPoints = d.distributionPoints.map((p) => ({
    ...p,
    server: up(p.server),
    site: p.site.toLowerCase(),
    boundaryGroups: p.boundaryGroups?.map(up),
    ...(p.pull ? { pull: { sources: p.pull.sources.map((s) => ({ ...s, server: up(s.server) })) } } : {}),
  }));
  return d;
}

function reordered(doc: ReturnType<typeof estate>) {
  const d = structuredClone(doc);
  d.primarySites.reverse();
  d.secondarySites!.reverse();
  d.boundaryGroups!.reverse();
  d.distributionPoints.reverse();
  return d;
}

/** dp2 moves from the primary P01 to its secondary S01. */
function moved(doc: ReturnType<typeof estate>) {
  const d = structuredClone(doc);
  d.distributionPoints.find((p) => p.server === "dp2.contoso.com")!.site = "S01";
  return d;
}

/** Real identity changes: group "VPN" becomes "Remote access", DP dp2 becomes dp9. */
function renamed(doc: ReturnType<typeof estate>) {
  const d = structuredClone(doc);
  d.boundaryGroups!.find((g) => g.name === "VPN")!.name = "Remote access";
  for (const p of d.distributionPoints) p.boundaryGroups = p.boundaryGroups?.map((g) => (g === "VPN" ? "Remote access" : g));
  d.distributionPoints.find((p) => p.server === "dp2.contoso.com")!.server = "dp9.contoso.com";
  for (const p of d.distributionPoints) if (p.pull) p.pull.sources = p.pull.sources.map((s) => (s.server === "dp2.contoso.com" ? { ...s, server: "dp9.contoso.com" } : s));
  return d;
}

const VARIANTS = {
  base: estate(),
  caseChanged: caseChanged(estate()),
  reordered: reordered(estate()),
  moved: moved(estate()),
  renamed: renamed(estate()),
};
/** Each variant is a Hierarchy of its own name in one program; "ms" is the name 0.1's URNs were recorded under. */
const NAMES: Record<keyof typeof VARIANTS, string> = { base: "ms", caseChanged: "mscase", reordered: "msorder", moved: "msmove", renamed: "msrename" };

let lab: Run;
let branch: Run;
const variants: Record<string, Run> = {};

/** The registrations of one Hierarchy, with its name replaced by "ms" (the URNs it would have as "ms"). */
function asMs(r: Run, name: string): Run {
  const mine = r.registrations.filter((x) => x.name === name || x.name.startsWith(`${name}-`));
  const rename = (s: string) => s.replace(new RegExp(`::${name}(-|$)`), "::ms$1");
  const registrations = mine.map((x) => ({
    ...x,
    name: rename(`::${x.name}`).slice(2),
    urn: rename(x.urn),
    parent: rename(x.parent),
    dependencies: x.dependencies.map(rename),
    aliasUrns: x.aliasUrns.map(rename),
    propertyDependencies: Object.fromEntries(Object.entries(x.propertyDependencies).map(([k, v]) => [k, v.map(rename)])),
  }));
  return { ...r, registrations };
}

beforeAll(async () => {
  lab = await run(join(PROJECT_ROOT, "examples/lab"));
  branch = await run(join(PROJECT_ROOT, "examples/branch-offices"));
  const docs = Object.fromEntries(Object.entries(VARIANTS).map(([k, doc]) => [NAMES[k as keyof typeof VARIANTS], doc]));
  const together = await run(PROGRAM, { CONFIGMGR_TEST_TOPOLOGIES: JSON.stringify(docs) });
  for (const k of Object.keys(VARIANTS) as (keyof typeof VARIANTS)[]) variants[k] = asMs(together, NAMES[k]);
}, 300_000);

afterAll(() => cleanup());

const ours = (r: Run) => r.registrations.filter((x) => x.type !== "pulumi:pulumi:Stack");
const urns = (r: Run) => ours(r).map((x) => x.urn).sort();
const byName = (r: Run, type: string, name: string): Registered => {
  const found = r.registrations.find((x) => x.type === type && x.name === name);
  if (!found) throw new Error(`no ${type} ${name}; have ${r.registrations.map((x) => x.name).join(", ")}`);
  return found;
};
const all = () => [lab, branch, ...Object.values(variants)];

describe("URNs follow identity", () => {
  it("are the same for a topology and its case-changed, reordered and DP-moved variants", () => {
    const base = urns(variants.base);
    expect(base.length).toBeGreaterThan(40);
    expect(urns(variants.caseChanged)).toEqual(base);
    expect(urns(variants.reordered)).toEqual(base);
    expect(urns(variants.moved)).toEqual(base);
  });

  it("replace a moved DP in the engine's own sense: same URN, its steps' triggers name the new site, delete-first", () => {
    for (const step of ["dp2.contoso.com-prepare", "dp2.contoso.com-role"]) {
      const before = byName(variants.base, COMMAND, `ms-${step}`);
      const after = byName(variants.moved, COMMAND, `ms-${step}`);
      expect(after.urn).toBe(before.urn);
      expect(unwrap(before.inputs.triggers)).toEqual(["dp2.contoso.com", "P01"]);
      expect(unwrap(after.inputs.triggers)).toEqual(["dp2.contoso.com", "S01"]);
      expect(after.deleteBeforeReplace).toBe(true);
    }
  });

  it("change with a real identity change: a renamed group or DP server is a new URN, aliased to nothing it was", () => {
    const base = new Set(urns(variants.base));
    const now = ours(variants.renamed);
    const added = now.filter((x) => !base.has(x.urn)).map((x) => x.name).sort();
    expect(added).toEqual(
      [
        "ms-remote access",
        "ms-remote access",
        "ms-remote access-boundary-group",
        "ms-dp9.contoso.com",
        "ms-dp9.contoso.com",
        "ms-dp9.contoso.com-prepare",
        "ms-dp9.contoso.com-role",
      ].sort(),
    );
    for (const x of now.filter((r) => !base.has(r.urn))) {
      expect(x.aliasUrns.filter((a) => base.has(a)), x.name).toEqual([]);
    }
    const gone = [...base].filter((u) => !now.some((x) => x.urn === u));
    expect(gone.map((u) => u.slice(u.lastIndexOf("::") + 2)).sort()).toEqual(
      ["ms-vpn", "ms-vpn", "ms-vpn-boundary-group", "ms-dp2.contoso.com", "ms-dp2.contoso.com", "ms-dp2.contoso.com-prepare", "ms-dp2.contoso.com-role"].sort(),
    );
  });

  it("never collide: every registration has its own URN, and no alias names another registration", () => {
    for (const r of all()) {
      const list = ours(r);
      const own = new Set(list.map((x) => x.urn));
      expect(own.size).toBe(list.length);
      const aliasOwner = new Map<string, string>();
      for (const x of list) {
        for (const a of x.aliasUrns) {
          expect(own.has(a), `${x.urn} aliases ${a}`).toBe(false);
          expect(aliasOwner.get(a) ?? x.urn, a).toBe(x.urn);
          aliasOwner.set(a, x.urn);
        }
      }
    }
  });

  it("moves stacks made with 0.1 over without a replacement: every 0.1 URN is a URN or an alias now", () => {
    const cases: [string, Run][] = [
      ["lab", lab],
      ["branch-offices", branch],
      ["multi-site", variants.base],
    ];
    for (const [key, r] of cases) {
      const old = legacy[key].filter((u) => !u.includes("pulumi:pulumi:Stack"));
      expect(old.length).toBe(ours(r).length);
      const matched = new Set<string>();
      for (const x of ours(r)) for (const u of [x.urn, ...x.aliasUrns]) if (old.includes(u)) matched.add(u);
      expect(old.filter((u) => !matched.has(u)), key).toEqual([]);
    }
  });
});

describe("the property-dependency graph gives the engine the order DistMgr needs", () => {
  // pulumi-command provider/pkg/provider/common/inputs.go: `triggers` is replaceOnChanges, so the
  // engine's diff of a dependent whose triggers depend on a replaced resource says replace.
  const REPLACE_KEYS: Record<string, string[]> = { [COMMAND]: ["triggers"] };

  /**
   * The replace set of a delete-before-replace of `root`, as pulumi/pulumi
   * pkg/resource/deploy/step_generator.go calculateDependentReplacements computes it: walk the
   * dependents; a custom resource joins the set when one of its replace-on-change inputs has a
   * property dependency on a member (a plain dependency never does).
   */
  function cascade(r: Run, root: Registered): Set<string> {
    const set = new Set([root.urn]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const x of ours(r)) {
        if (set.has(x.urn) || !x.custom) continue;
        const keys = REPLACE_KEYS[x.type] ?? [];
        if (keys.some((k) => (x.propertyDependencies[k] ?? []).some((u) => set.has(u)))) {
          set.add(x.urn);
          grew = true;
        }
      }
    }
    return set;
  }

  /** Resources in the order the engine deletes them (dependents before what they depend on). */
  function deleteOrder(r: Run, among: Set<string>): string[] {
    const list = ours(r).filter((x) => among.has(x.urn));
    const order: string[] = [];
    const done = new Set<string>();
    const visit = (x: Registered) => {
      if (done.has(x.urn)) return;
      done.add(x.urn);
      for (const d of list) if (d.dependencies.includes(x.urn)) visit(d);
      order.push(x.urn);
    };
    for (const x of list) visit(x);
    return order;
  }

  const commandsOf = (r: Run, suffix: string) => ours(r).filter((x) => x.type === COMMAND && x.name.endsWith(suffix));

  it("every role's stdin depends on its prepare, its site's step, its groups' steps and its pull sources' roles", () => {
    for (const r of [lab, branch, variants.base]) {
      const roles = commandsOf(r, "-role");
      expect(roles.length).toBeGreaterThan(0);
      for (const role of roles) {
        const stdin = role.propertyDependencies.stdin ?? [];
        const prepare = ours(r).find((x) => x.urn === role.urn.replace(/-role$/, "-prepare"));
        if (prepare) expect(stdin).toContain(prepare.urn);
        for (const dep of role.dependencies.filter((u) => u.includes(`$${COMMAND}::`))) expect(stdin, role.name).toContain(dep);
        expect(stdin.some((u) => /-(verify|install)$/.test(u)), role.name).toBe(true);
      }
    }
  });

  it("replacing a DP host's prepare step removes and uninstalls the role first, then revokes the admin grant", () => {
    for (const r of [lab, branch, variants.base]) {
      for (const prepare of commandsOf(r, "-prepare")) {
        const role = byName(r, COMMAND, prepare.name.replace(/-prepare$/, "-role"));
        const set = cascade(r, prepare);
        expect(set.has(role.urn), role.name).toBe(true);
        const order = deleteOrder(r, set);
        expect(order.indexOf(role.urn)).toBeLessThan(order.indexOf(prepare.urn));
      }
    }
  });

  it("reinstalling a secondary site removes its DPs' roles first; its groups and other DPs stay", () => {
    for (const r of [branch, variants.base]) {
      for (const install of commandsOf(r, "-install")) {
        const set = cascade(r, install);
        const code = install.name.replace(/^.*-([A-Z0-9]{3})-install$/, "$1");
        const doc = r === branch ? undefined : VARIANTS.base;
        const mine = doc ? doc.distributionPoints.filter((d) => d.site === code).map((d) => d.server) : [];
        for (const server of mine) expect(set.has(byName(r, COMMAND, `ms-${server}-role`).urn), server).toBe(true);
        for (const x of set) expect(x === install.urn || x.endsWith("-role"), x).toBe(true);
        const order = deleteOrder(r, set);
        for (const x of set) if (x !== install.urn) expect(order.indexOf(x)).toBeLessThan(order.indexOf(install.urn));
        if (r === branch) expect(set.size, install.name).toBeGreaterThan(1);
      }
    }
  });

  it("destroys role → prepare (admin grant) → boundary groups → sites, from property dependencies alone", () => {
    for (const r of [lab, branch, variants.base]) {
      const commands = ours(r).filter((x) => x.type === COMMAND);
      const depends = (a: Registered, b: Registered) => Object.values(a.propertyDependencies).some((list) => list.includes(b.urn));
      for (const role of commands.filter((x) => x.name.endsWith("-role"))) {
        const prepare = commands.find((x) => x.name === role.name.replace(/-role$/, "-prepare"));
        if (prepare) expect(depends(role, prepare)).toBe(true);
        for (const g of commands.filter((x) => x.name.endsWith("-boundary-group") && role.dependencies.includes(x.urn))) expect(depends(role, g)).toBe(true);
      }
      for (const g of commands.filter((x) => x.name.endsWith("-boundary-group"))) {
        expect(commands.some((s) => /-(verify|install)$/.test(s.name) && depends(g, s)), g.name).toBe(true);
      }
    }
  });
});

describe("secrets", () => {
  it("reach no request other than as secret values (inputs, provider text, options, logs)", () => {
    for (const r of all()) {
      for (const x of r.registrations) {
        const plain = plainStrings(x.inputs).map(scriptOfStdin).join("\n");
        for (const s of SENTINELS) expect(plain.includes(s), `${x.name} carries a secret in the clear`).toBe(false);
        const raw = JSON.stringify(x.inputs) + (x.inputs.stdin !== undefined ? scriptOfStdin(unwrap(x.inputs.stdin)) : "");
        if (SENTINELS.some((s) => raw.includes(s))) expect(raw).toContain(SECRET_SIG);
      }
      // Severity 0 is the SDK's own debug channel: it echoes each RegisterResource response,
      // secret outputs in the clear (runtime/resource.js, "RegisterResource RPC finished"). The CLI
      // shows it only with --debug/-v, and masks stack-config secrets in it
      // (pulumi/pulumi pkg/cmd/pulumi/config/io.go, AddGlobalSecretFilter): why every secret a
      // step needs comes from stack config. Everything the program itself logs is checked.
      for (const l of r.logs.filter((m) => m.severity > 0)) for (const s of SENTINELS) expect(l.message.includes(s), l.message).toBe(false);
      expect(r.logs.filter((m) => m.severity === 0 && SENTINELS.some((s) => m.message.includes(s))).every((m) => m.message.startsWith("RegisterResource RPC finished"))).toBe(true);
      for (const s of SENTINELS) expect(r.stdout + r.stderr).not.toContain(s);
    }
  });

  it("each secret is used where it belongs, as a secret: connections, the PXE DP's role stdin with its output kept off the console", () => {
    const r = variants.base;
    const role = byName(r, COMMAND, "ms-dp7.contoso.com-role");
    expect(role.inputs.stdin[SECRET_SIG]).toBeDefined();
    expect(scriptOfStdin(unwrap(role.inputs.stdin))).toContain(PXE);
    expect(unwrap(role.inputs.logging)).toBe("none");
    expect(role.additionalSecretOutputs).toEqual(expect.arrayContaining(["stderr", "stdout"]));
    const sec = byName(r, COMMAND, "ms-sec01.contoso.com-prepare");
    expect(sec.inputs.connection[SECRET_SIG]).toBeDefined();
    expect(unwrap(sec.inputs.connection).password).toBe(HOST_PASSWORD);
  });
});

describe("a secret the program makes itself", () => {
  it("stops the program with the config command to use; the step that needed it is never registered and the value is nowhere", async () => {
    const own = "SENTINEL-program-made-pxe-6d0b";
    const r = await runProgram({
      program: PROGRAM,
      config: CONFIG,
      secretKeys: SECRET_KEYS,
      env: { CONFIGMGR_TEST_TOPOLOGIES: JSON.stringify({ own: estate() }), CONFIGMGR_TEST_PROGRAM_PXE: own },
    });
    expect(r.exitCode).not.toBe(0);
    expect(failure(r)).toMatch(/Hierarchy: secrets\["pxePassword"\] is a secret given in the program, not in stack config.*pulumi config set --secret/s);
    expect(r.registrations.some((x) => x.name.startsWith("own-dp7.contoso.com"))).toBe(true);
    expect(r.registrations.some((x) => x.name === "own-dp7.contoso.com-role")).toBe(false);
    expect(r.stdout + r.stderr).not.toContain(own);
    for (const x of r.registrations) expect(JSON.stringify(x.inputs).includes(own), x.name).toBe(false);
    for (const l of r.logs) expect(l.message.includes(own), l.message).toBe(false);
  });
});

describe("dial policy", () => {
  it("gives a password logon one dial and a key-only logon six (dialErrorLimit = attempts - 1)", () => {
    for (const x of ours(variants.base).filter((c) => c.type === COMMAND)) {
      const c = unwrap(x.inputs.connection);
      expect(c.dialErrorLimit, x.name).toBe(c.password !== undefined ? 0 : 5);
      expect(c.perDialTimeout).toBe(15);
    }
  });
});

describe("behaviour versions", () => {
  it("are on each Hierarchy's Topology resource, as the shipped .ps1 files declare them, so the preview shows a change", () => {
    const shipped = scriptBehaviour(join(PROJECT_ROOT, "dist", "scripts", "ps1"));
    for (const [r, name] of [
      [lab, "lab-topology"],
      [branch, "branch-offices-topology"],
      [variants.base, "ms-topology"],
    ] as const) {
      const topology = byName(r, `${DYNAMIC}Topology`, name);
      if (Object.keys(shipped).length === 0) expect(topology.inputs.scriptBehaviour).toBeUndefined();
      else expect(topology.inputs.scriptBehaviour).toEqual(shipped);
    }
  });
});

describe("the repository's own programs", () => {
  it("resolve pulumi-configmgr as a user's project does, and the dynamic-provider host runs their checks from the repository root", async () => {
    const host = await startHost(PROJECT_ROOT);
    try {
      const dynamic = ours(lab).filter((x) => x.type.startsWith(DYNAMIC));
      expect(dynamic.length).toBe(4);
      for (const x of dynamic) {
        const { failures } = await rpc(host, x.urn).check(unwrap(x.inputs));
        expect(failures, x.name).toEqual([]);
      }
      expect(host.stderr()).not.toMatch(/Cannot find module/);
    } finally {
      host.stop();
    }
  });
});

describe("a library rebuild that changes no behaviour", () => {
  const VERSION = "9.9.9-rebuild";
  let dir: string;
  const rebuilt: Record<string, Run> = {};

  /** Files of dist/ that the TypeScript compiler does not produce (the .ps1 files, if any). */
  function assets(root: string, out: string[] = []): string[] {
    for (const name of readdirSync(root)) {
      const path = join(root, name);
      if (statSync(path).isDirectory()) assets(path, out);
      else if (!/\.(js|d\.ts|js\.map|d\.ts\.map)$/.test(name)) out.push(path);
    }
    return out;
  }

  beforeAll(async () => {
    // A second build of the same source, with another version number, installed like a package.
    dir = mkdtempSync(join(tmpdir(), "configmgr-rebuild-"));
    const project = join(dir, "project");
    const pkg = join(project, "node_modules", "pulumi-configmgr");
    mkdirSync(pkg, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    writeFileSync(join(pkg, "package.json"), JSON.stringify({ ...manifest, version: VERSION }, null, 2));
    execFileSync(process.execPath, [join(PROJECT_ROOT, "node_modules/typescript/bin/tsc"), "-p", join(PROJECT_ROOT, "tsconfig.build.json"), "--outDir", join(pkg, "dist")], {
      cwd: PROJECT_ROOT,
      stdio: "pipe",
    });
    for (const file of assets(join(PROJECT_ROOT, "dist"))) cpSync(file, join(pkg, "dist", relative(join(PROJECT_ROOT, "dist"), file)));
    for (const name of readdirSync(join(PROJECT_ROOT, "node_modules"))) {
      if (name !== "pulumi-configmgr" && !name.startsWith(".")) symlinkSync(join(PROJECT_ROOT, "node_modules", name), join(project, "node_modules", name), "dir");
    }
    cpSync(join(PROJECT_ROOT, "examples"), join(project, "examples"), { recursive: true });
    cpSync(PROGRAM, join(project, "hierarchy.ts"));
    const inProject = (program: string, env: Record<string, string> = {}) =>
      runProgram({ program, cwd: project, config: CONFIG, secretKeys: SECRET_KEYS, env }).then((r) => {
        if (r.exitCode !== 0) throw new Error(`${program} exited ${r.exitCode}:\n${failure(r)}`);
        return r;
      });
    rebuilt.lab = await inProject(join(project, "examples/lab"));
    rebuilt.estate = asMs(await inProject(join(project, "hierarchy.ts"), { CONFIGMGR_TEST_TOPOLOGIES: JSON.stringify({ ms: VARIANTS.base }) }), "ms");
  }, 300_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const stdins = (r: Run) => new Map(ours(r).filter((x) => x.type === COMMAND).map((x) => [x.urn, String(unwrap(x.inputs.stdin))]));

  it("leaves every step's stdin byte-identical (the lab on 2012 SP1, a current-branch multi-site estate on 2403)", () => {
    for (const [before, after] of [
      [lab, rebuilt.lab],
      [variants.base, rebuilt.estate],
    ] as const) {
      const a = stdins(before);
      const b = stdins(after);
      expect(a.size).toBeGreaterThan(0);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [urn, text] of a) expect(b.get(urn) === text, urn).toBe(true);
      for (const text of b.values()) expect(text).not.toContain(VERSION);
    }
  });
});
