import * as pulumi from "@pulumi/pulumi";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc, serverDp } from "../fixtures/lab";
import { decodeStdin } from "../../lib/scripts/wrapper";
import { syntaxProblems } from "../scripts/powershell-parser";
import { ps2Violations } from "../scripts/ps2-checker";
import { multiSiteDoc, violationsDoc } from "./corpus";
import { DYNAMIC_PREFIX, registered, scriptOfStdin, SECRET_SIG, setupMocks, unwrapSecrets, valueOf, type Registration } from "./mocks";

/**
 * The remote steps of `pulumi up` / `pulumi destroy` as the program registers them (Pulumi mocks:
 * nothing runs, every remote.Command's inputs and options are recorded): which commands, on
 * which host, in which order, with which connection, and that no secret leaks into a command line
 * or a non-secret input.
 */

const req = createRequire(__filename);
const COMMAND = "command:remote:Command";

const SSH_PASSWORD = "ssh-password-sentinel-7d1c";
const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nkey-sentinel-2b9e\n-----END OPENSSH PRIVATE KEY-----";
const KEY_PASSPHRASE = "key-passphrase-sentinel-51aa";
const PXE_PASSWORD = "pxe-sentinel-from-config-88f0";
const HOST_PASSWORD = "host-password-sentinel-c3d4";
const SENTINELS = [SSH_PASSWORD, "key-sentinel-2b9e", KEY_PASSPHRASE, PXE_PASSWORD, HOST_PASSWORD];
const HOST_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBlabhostkeyforwin701";

/** The stack config of these tests: connection defaults, one host override, the PXE password. */
const CONFIG: Record<string, string> = {
  "configmgr:user": "LAB\\pulumi",
  "configmgr:password": SSH_PASSWORD,
  "configmgr:privateKey": PRIVATE_KEY,
  "configmgr:privateKeyPassword": KEY_PASSPHRASE,
  "configmgr:hosts": JSON.stringify({
    "win701.lab.local": { address: "192.168.1.50", port: 2222, hostKey: HOST_KEY },
    "dp3.contoso.com": { user: "CONTOSO\\dpadmin", password: HOST_PASSWORD },
  }),
  "proj:pxePassword": PXE_PASSWORD,
  // Secrets a program passes itself: stack-config secrets too (stack-secret.ts refuses any other value).
  "proj:otherPassword": "override-pw",
  "proj:soloPxe": "solo-pxe",
};
const SECRET_KEYS = ["configmgr:password", "configmgr:privateKey", "configmgr:privateKeyPassword", "configmgr:hosts", "proj:pxePassword", "proj:otherPassword", "proj:soloPxe"];

type Lib = typeof import("../../lib/index");
let lib: Lib;
let regs: Registration[];
/** Resource options the mock API does not pass on, by `type::name`. */
const options = new Map<string, { deleteBeforeReplace: boolean; secretOutputs: string[] }>();
const rejections: unknown[] = [];
const onRejection = (e: unknown) => rejections.push(e);
let warn: ReturnType<typeof vi.spyOn<typeof pulumi.log, "warn">>;

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  warn = vi.spyOn(pulumi.log, "warn").mockImplementation(async () => {});
  vi.spyOn(pulumi.log, "info").mockImplementation(async () => {});
  regs = await setupMocks({ config: CONFIG, secretKeys: SECRET_KEYS });
  const monitor = req("@pulumi/pulumi/runtime/settings").getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (request: any, callback: any) => {
    options.set(`${request.getType()}::${request.getName()}`, {
      deleteBeforeReplace: request.getDeletebeforereplace(),
      secretOutputs: request.getAdditionalsecretoutputsList(),
    });
    return register(request, callback);
  };
  lib = await import("../../lib/index");
});
beforeEach(() => pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS));
afterAll(() => {
  process.off("unhandledRejection", onRejection);
  vi.restoreAllMocks();
});

// ---------------------------------------------------------------------------------------------
// helpers

interface Cmd {
  readonly name: string;
  readonly reg: Registration;
  readonly host: string;
  readonly connection: Record<string, any>;
  readonly stdin: string;
  readonly stdinSecret: boolean;
  readonly deleteBeforeReplace: boolean;
  readonly secretOutputs: string[];
}

const isSecretValue = (v: any) => v !== null && typeof v === "object" && v[SECRET_SIG] !== undefined;

/** Every step a component holds, for `registered`. */
function stepsOf(h: InstanceType<Lib["Hierarchy"]>): pulumi.Resource[] {
  const all = [...Object.values(h.primarySites), ...Object.values(h.secondarySites), ...Object.values(h.boundaryGroups), ...Object.values(h.distributionPoints)];
  const steps = all.flatMap((c) => Object.values(c.steps as Record<string, pulumi.Resource | undefined>));
  return [h, h.topology, ...all, ...all.map((c) => c.resource), ...steps.filter((s): s is pulumi.Resource => s !== undefined)];
}

async function build(name: string, topology: object, args: Record<string, unknown> = {}) {
  const h = new lib.Hierarchy(name, { topology, ...args });
  await registered(stepsOf(h));
  const mine = regs.filter((r) => r.name === name || r.name.startsWith(`${name}-`));
  const byUrn = new Map(mine.map((r) => [r.urn, r]));
  const commands = new Map<string, Cmd>(
    mine
      .filter((r) => r.type === COMMAND)
      .map((r) => {
        const connection = unwrapSecrets(r.inputs.connection);
        const o = options.get(`${COMMAND}::${r.name}`)!;
        const cmd: Cmd = {
          name: r.name,
          reg: r,
          host: connection.host,
          connection,
          // The stdin travels as base64 under a SHA-256 header; the tests read the script it carries.
          stdin: decodeStdin(unwrapSecrets(r.inputs.stdin) as string),
          stdinSecret: isSecretValue(r.inputs.stdin),
          deleteBeforeReplace: o.deleteBeforeReplace,
          secretOutputs: o.secretOutputs,
        };
        return [r.name, cmd];
      }),
  );
  const cmd = (n: string) => {
    const c = commands.get(`${name}-${n}`);
    if (!c) throw new Error(`no command ${name}-${n}; have ${[...commands.keys()].join(", ")}`);
    return c;
  };
  /** Direct dependencies of a registration, as `type::name` (types shortened). */
  const depsOf = (r: Registration) => r.dependencies.map((u) => byUrn.get(u)).map((d) => (d ? `${short(d.type)}::${d.name}` : "?")).sort();
  return { h, mine, commands, cmd, depsOf };
}

const short = (type: string) =>
  type === COMMAND ? "cmd" : type.startsWith(DYNAMIC_PREFIX) ? `check:${type.slice(DYNAMIC_PREFIX.length)}` : type.replace("configmgr:index:", "");

/**
 * One destroy order Pulumi may take: the reverse of a topological order of the dependencies
 * (Kahn's algorithm, ties by name so the order is stable).
 */
function destroyOrder(mine: Registration[]): string[] {
  const byUrn = new Map(mine.map((r) => [r.urn, r]));
  const indegree = new Map(mine.map((r) => [r.urn, 0]));
  const dependents = new Map<string, string[]>();
  for (const r of mine) {
    for (const d of r.dependencies.filter((u) => byUrn.has(u))) {
      indegree.set(r.urn, indegree.get(r.urn)! + 1);
      dependents.set(d, [...(dependents.get(d) ?? []), r.urn]);
    }
  }
  const ready = mine.filter((r) => indegree.get(r.urn) === 0).map((r) => r.urn);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => byUrn.get(a)!.name.localeCompare(byUrn.get(b)!.name));
    const next = ready.shift()!;
    order.push(next);
    for (const d of dependents.get(next) ?? []) {
      indegree.set(d, indegree.get(d)! - 1);
      if (indegree.get(d) === 0) ready.push(d);
    }
  }
  expect(order).toHaveLength(mine.length); // no cycle
  return order.reverse().map((u) => byUrn.get(u)!).filter((r) => r.type === COMMAND).map((r) => r.name);
}

/**
 * Whether `first` is destroyed before `then` in EVERY order Pulumi may take: `first` depends on
 * `then`, directly or through other resources.
 */
function destroyedBefore(mine: Registration[], first: string, then: string): boolean {
  const byName = new Map(mine.map((r) => [r.name + "|" + r.type, r]));
  const byUrn = new Map(mine.map((r) => [r.urn, r]));
  const start = byName.get(first + "|" + COMMAND)!;
  const target = byName.get(then + "|" + COMMAND)!;
  expect(start && target, `${first} / ${then}`).toBeTruthy();
  const seen = new Set<string>();
  const stack = [...start.dependencies];
  while (stack.length > 0) {
    const urn = stack.pop()!;
    if (urn === target.urn) return true;
    if (seen.has(urn)) continue;
    seen.add(urn);
    stack.push(...(byUrn.get(urn)?.dependencies ?? []));
  }
  return false;
}

/** The bootstrap inside a command line (base64 of UTF-16LE after -EncodedCommand). */
function bootstrapOf(commandLine: string): string {
  const m = /^powershell\.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ([A-Za-z0-9+/=]+)$/.exec(commandLine);
  expect(m, commandLine).not.toBeNull();
  return Buffer.from(m![1], "base64").toString("utf16le");
}

/** Inputs as the engine would show them: secret values masked. */
function publicView(v: any): any {
  if (isSecretValue(v)) return "[secret]";
  if (Array.isArray(v)) return v.map(publicView);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, publicView(x)]));
  return v;
}

/** The seed lab plus a PXE password, so the role stdin carries a secret. */
function pxeLab() {
  const doc = labDoc();
  doc.distributionPoints[0].pxe = { enabled: true, passwordSecret: "pxePassword" };
  return doc;
}

/** Primary + secondary + pull DP + a PXE DP at the secondary whose password is a config secret. No CAS. */
function siteDoc() {
  const doc = labDoc();
  doc.configMgrVersion = "2403";
  doc.domain = "CONTOSO";
  doc.primarySites = [{ siteCode: "P01", name: "HQ", server: "cm01.contoso.com", clients: 600 }];
  doc.secondarySites = [{ siteCode: "S01", name: "Branch", parent: "P01", server: "sec01.contoso.com", clients: 100 }];
  doc.boundaryGroups = [
    { name: "HQ", assignedSite: "P01", clients: 500, boundaries: [{ ipSubnet: "10.1.0.0/16" }] },
    { name: "Branch", assignedSite: "P01", clients: 100, boundaries: [{ ipSubnet: "10.2.0.0/24" }] },
  ];
  doc.distributionPoints = [
    serverDp("dp1.contoso.com", "P01", { boundaryGroups: ["HQ"] }),
    serverDp("dp2.contoso.com", "P01", { boundaryGroups: ["hq"], pull: { sources: [{ server: "dp1.contoso.com", rank: 1 }] } }),
    serverDp("dp3.contoso.com", "S01", { boundaryGroups: ["Branch"], pxe: { enabled: true, passwordSecret: "pxePassword" } }),
  ];
  return doc;
}

// ---------------------------------------------------------------------------------------------

describe("the seed lab: one command per step", () => {
  it("registers verify, boundary-group, prepare and role, each on its host", async () => {
    const { commands, cmd } = await build("lab", labDoc());
    expect([...commands.keys()].sort()).toEqual(
      ["lab-P01-verify", "lab-lab hq-boundary-group", "lab-win701.lab.local-prepare", "lab-win701.lab.local-role"].sort(),
    );
    expect(cmd("P01-verify").host).toBe("cm01.lab.local");
    expect(cmd("lab hq-boundary-group").host).toBe("cm01.lab.local");
    expect(cmd("win701.lab.local-role").host).toBe("cm01.lab.local");
    // The DP host's address comes from configmgr:hosts, not from the document.
    expect(cmd("win701.lab.local-prepare").host).toBe("192.168.1.50");
    expect(cmd("win701.lab.local-prepare").stdin).toContain("Dp = 'win701.lab.local'");
    // Defaults: a 30-minute readiness wait, and no restart without rebootIfRequired (exit 3010 instead).
    expect(cmd("win701.lab.local-role").stdin).toContain("TimeoutMinutes = 30");
    expect(cmd("win701.lab.local-prepare").stdin).toContain("exit 3010");
    expect(cmd("win701.lab.local-prepare").stdin).toContain("RebootIfRequired = $false");
  });

  it("orders them: prepare after the checks and the site's verify (the first logon); role after prepare, the group, the site and the checks", async () => {
    const { h, cmd, depsOf } = await build("lab2", labDoc());
    expect(depsOf(cmd("P01-verify").reg)).toEqual(["check:PrimarySite::lab2-P01", "check:Topology::lab2-topology"]);
    expect(depsOf(cmd("lab hq-boundary-group").reg)).toEqual(
      ["check:BoundaryGroup::lab2-lab hq", "check:Topology::lab2-topology", "cmd::lab2-P01-verify"].sort(),
    );
    expect(depsOf(cmd("win701.lab.local-prepare").reg)).toEqual(
      ["check:DistributionPoint::lab2-win701.lab.local", "check:Topology::lab2-topology", "cmd::lab2-P01-verify"].sort(),
    );
    expect(depsOf(cmd("win701.lab.local-role").reg)).toEqual(
      [
        "check:DistributionPoint::lab2-win701.lab.local",
        "check:Topology::lab2-topology",
        "cmd::lab2-lab hq-boundary-group",
        "cmd::lab2-P01-verify",
        "cmd::lab2-win701.lab.local-prepare",
      ].sort(),
    );
    const dp = h.distributionPoints["win701.lab.local"];
    expect(dp.steps.role).toBeDefined();
    expect(await valueOf(dp.steps.role!.urn)).toBe(cmd("win701.lab.local-role").reg.urn);
  });

  it("destroys in reverse: the role goes first (before the admin grant is revoked), then the group, then the site check", async () => {
    const { mine } = await build("lab3", labDoc());
    const order = destroyOrder(mine);
    const at = (n: string) => order.indexOf(`lab3-${n}`);
    expect(at("win701.lab.local-role")).toBe(0);
    expect(at("win701.lab.local-role")).toBeLessThan(at("win701.lab.local-prepare"));
    expect(at("win701.lab.local-role")).toBeLessThan(at("lab hq-boundary-group"));
    expect(at("lab hq-boundary-group")).toBeLessThan(at("P01-verify"));
    expect(order).toHaveLength(4);
    for (const then of ["win701.lab.local-prepare", "lab hq-boundary-group", "P01-verify"]) {
      expect(destroyedBefore(mine, "lab3-win701.lab.local-role", `lab3-${then}`), then).toBe(true);
    }
    expect(destroyedBefore(mine, "lab3-lab hq-boundary-group", "lab3-P01-verify")).toBe(true);
    expect(destroyedBefore(mine, "lab3-win701.lab.local-prepare", "lab3-lab hq-boundary-group")).toBe(false);
  });

  it("replaces only on identity, delete-first for install/uninstall pairs; everything else updates in place", async () => {
    const { cmd } = await build("lab4", labDoc());
    expect(cmd("win701.lab.local-prepare").reg.inputs.triggers).toEqual(["win701.lab.local", "P01"]);
    expect(cmd("win701.lab.local-role").reg.inputs.triggers).toEqual(["win701.lab.local", "P01"]);
    expect(cmd("P01-verify").reg.inputs.triggers).toEqual(["P01", "cm01.lab.local"]);
    expect(cmd("lab hq-boundary-group").reg.inputs.triggers).toEqual(["lab hq"]);
    expect(cmd("win701.lab.local-prepare").deleteBeforeReplace).toBe(true);
    expect(cmd("win701.lab.local-role").deleteBeforeReplace).toBe(true);
    expect(cmd("lab hq-boundary-group").deleteBeforeReplace).toBe(false);
    expect(cmd("P01-verify").deleteBeforeReplace).toBe(false);
  });

  it("runs one stdin script per command, chosen by the action its short command line sets", async () => {
    const { commands } = await build("lab5", labDoc());
    for (const c of commands.values()) {
      const inputs = c.reg.inputs;
      expect(inputs.environment, c.name).toBeUndefined();
      expect(inputs.addPreviousOutputInEnv, c.name).toBe(false);
      for (const action of ["create", "update", "delete"] as const) {
        if (c.name.endsWith("-verify") && action === "delete") {
          // An adopted primary is never removed: no delete command at all.
          expect(inputs.delete).toBeUndefined();
          continue;
        }
        const line = inputs[action] as string;
        expect(line.length, `${c.name} ${action}`).toBeLessThan(4000);
        const bootstrap = bootstrapOf(line);
        expect(bootstrap).toContain(`$action = '${action}'`);
        expect(bootstrap).toContain("[ScriptBlock]::Create($text)");
        if (action !== "delete" || c.reg.inputs.delete !== undefined) expect(c.stdin).toContain("& $Dispatch.Actions[[string]$action]");
      }
    }
    const role = commands.get("lab5-win701.lab.local-role")!.stdin;
    for (const step of ["dp-role/create", "dp-role/update", "dp-role/delete"]) expect(role).toContain(`Step = '${step}'`);
    expect(role.indexOf("Step = 'dp-role/create'")).toBeLessThan(role.indexOf("Step = 'dp-role/delete'"));
  });

  it("gives every stdin a clean parse, and the Windows 7 host's script no PowerShell 2.0 violation", async () => {
    const { commands } = await build("lab6", labDoc());
    for (const c of commands.values()) {
      expect(await syntaxProblems(c.stdin), c.name).toEqual([]);
      for (const action of ["create", "update", "delete"]) {
        if (c.reg.inputs[action] === undefined) continue;
        const bootstrap = bootstrapOf(c.reg.inputs[action]);
        expect(await syntaxProblems(bootstrap), `${c.name} ${action} bootstrap`).toEqual([]);
        expect(await ps2Violations(bootstrap), `${c.name} ${action} bootstrap`).toEqual([]);
      }
    }
    const prepare = commands.get("lab6-win701.lab.local-prepare")!;
    expect(prepare.stdin).toContain("dism.exe");
    expect(await ps2Violations(prepare.stdin)).toEqual([]);
  });

  it("lets the boundary-group step attach the DPs the document lists, never fighting their role steps", async () => {
    const { cmd } = await build("lab7", labDoc());
    const bg = cmd("lab hq-boundary-group").stdin;
    expect(bg).toContain("SiteSystems = @('win701.lab.local')");
    // Detaches only what the document does not list; attaches only DPs that have the role already.
    expect(bg).toContain("$detach = @($current | Where-Object { $wanted -notcontains $_ } | Where-Object { Get-DpSiteCode $_ })");
    expect(bg).toContain("if (Get-DpSiteCode $server) { $attach += $server }");
    const role = cmd("win701.lab.local-role").stdin;
    expect(role).toContain("BoundaryGroups = @('Lab HQ')");
  });
});

describe("connections", () => {
  it("come from configmgr:* config: the user (never root), port 22, the password; the key only where no network logon is needed", async () => {
    const { cmd } = await build("conn", labDoc());
    const role = cmd("win701.lab.local-role").connection;
    expect(role).toMatchObject({ host: "cm01.lab.local", port: 22, user: "LAB\\pulumi", password: SSH_PASSWORD });
    // Site-server steps need network credentials (\\dp\SMS_DP$): a key logon has none, so the password is used alone.
    expect(role.privateKey).toBeUndefined();
    expect(role.hostKey).toBeUndefined();
    const prepare = cmd("win701.lab.local-prepare").connection;
    expect(prepare).toMatchObject({
      host: "192.168.1.50",
      port: 2222,
      user: "LAB\\pulumi",
      password: SSH_PASSWORD,
      privateKey: PRIVATE_KEY,
      privateKeyPassword: KEY_PASSPHRASE,
      hostKey: HOST_KEY,
    });
    for (const name of ["win701.lab.local-role", "win701.lab.local-prepare", "P01-verify"]) {
      expect(isSecretValue(cmd(name).reg.inputs.connection), name).toBe(true);
    }
  });

  it("take configmgr:port and per-host users, and the program's overrides over config", async () => {
    pulumi.runtime.setAllConfig(
      { ...CONFIG, "configmgr:port": "2200", "configmgr:readinessTimeoutMinutes": "45", "configmgr:rebootIfRequired": "true" },
      SECRET_KEYS,
    );
    const { cmd } = await build("conn2", siteDoc());
    expect(cmd("P01-verify").connection).toMatchObject({ host: "cm01.contoso.com", port: 2200, user: "LAB\\pulumi" });
    expect(cmd("dp1.contoso.com-role").stdin).toContain("TimeoutMinutes = 45");
    expect(cmd("dp1.contoso.com-prepare").stdin).toContain("RebootIfRequired = $true");
    expect(cmd("dp3.contoso.com-prepare").connection).toMatchObject({ host: "dp3.contoso.com", user: "CONTOSO\\dpadmin", password: HOST_PASSWORD });

    const over = await build("conn3", labDoc(), {
      provisioning: { connection: { user: "LAB\\other", port: 2022, password: new pulumi.Config("proj").requireSecret("otherPassword"), hosts: { "cm01.lab.local": { address: "10.0.0.1" } } } },
    });
    expect(over.cmd("P01-verify").connection).toMatchObject({ host: "10.0.0.1", port: 2022, user: "LAB\\other", password: "override-pw" });
    // Config hosts still apply where the program says nothing about the host.
    expect(over.cmd("win701.lab.local-prepare").connection).toMatchObject({ host: "192.168.1.50", port: 2222, user: "LAB\\other" });
  });

  it("stop the program, naming the argument, when a connection secret is a value of the program's own", async () => {
    const why = /is a secret given in the program, not in stack config/;
    await expect(build("own-pw", labDoc(), { provisioning: { connection: { password: "typed-in-the-program" } } })).rejects.toThrow(/provisioning\.connection\.password is a secret given in the program/);
    await expect(build("own-key", labDoc(), { provisioning: { connection: { privateKey: "-----BEGIN KEY-----" } } })).rejects.toThrow(why);
    await expect(
      build("own-host", labDoc(), { provisioning: { connection: { hosts: { "cm01.lab.local": { password: "typed-in-the-program" } } } } }),
    ).rejects.toThrow(/provisioning\.connection\.hosts\["cm01\.lab\.local"\]\.password is a secret given in the program/);
  });

  it("stop the program with the key to set when configmgr:user is missing, before anything is registered", () => {
    const { "configmgr:user": _user, ...rest } = CONFIG;
    pulumi.runtime.setAllConfig(rest, SECRET_KEYS);
    const before = regs.length;
    let error: unknown;
    try {
      new lib.Hierarchy("nouser", { topology: labDoc() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(pulumi.RunError);
    expect((error as Error).message).toContain("configmgr:user is not set");
    expect((error as Error).message).toContain("pulumi config set configmgr:user 'LAB\\pulumi'");
    expect((error as Error).message).toContain("provision: false");
    expect(regs.slice(before).filter((r) => r.name.startsWith("nouser"))).toEqual([]);
    // A DP on its own says the same.
    expect(
      () =>
        new lib.DistributionPoint("nouser-dp", {
          ...serverDp("solo.lab.local", "P01"),
          configMgrVersion: "2403",
          domain: "LAB",
          siteServer: "cm01.lab.local",
        }),
    ).toThrow(/configmgr:user is not set/);
  });

  it("warn when a site-server step can only log on with a key (no network credentials)", async () => {
    const { "configmgr:password": _pw, ...rest } = CONFIG;
    pulumi.runtime.setAllConfig(rest, SECRET_KEYS);
    warn.mockClear();
    const { cmd } = await build("keyonly", { ...labDoc(), primarySites: [{ siteCode: "P01", server: "cmkey.lab.local" }] });
    expect(cmd("win701.lab.local-role").connection.privateKey).toBe(PRIVATE_KEY);
    const warned = warn.mock.calls.map(([m]) => m).find((m) => m.includes("cmkey.lab.local"));
    expect(warned).toMatch(/no network credentials/);
  });
});

describe("provision: false", () => {
  it("creates only the checks: no command, and no user needed", async () => {
    const { "configmgr:user": _user, ...rest } = CONFIG;
    pulumi.runtime.setAllConfig(rest, SECRET_KEYS);
    const { h, mine } = await build("checkonly", siteDoc(), { provision: false });
    expect(mine.filter((r) => r.type === COMMAND)).toEqual([]);
    expect(mine.filter((r) => r.type.startsWith(DYNAMIC_PREFIX))).toHaveLength(1 + 2 + 2 + 3);
    expect(h.distributionPoints["dp3.contoso.com"].steps).toEqual({});
  });
});

describe("secrets", () => {
  it("never appear in a command line or a non-secret input; the role stdin that carries the PXE password is secret", async () => {
    const { mine, cmd } = await build("sec", pxeLab());
    for (const r of mine) {
      const shown = JSON.stringify(publicView(r.inputs));
      expect(SENTINELS.filter((s) => shown.includes(s)), `${r.type}::${r.name}`).toEqual([]);
      if (r.type === COMMAND) {
        for (const action of ["create", "update", "delete"]) {
          const line = String(r.inputs[action] ?? "");
          const decoded = line ? bootstrapOf(line) : "";
          expect(SENTINELS.filter((s) => line.includes(s) || decoded.includes(s)), `${r.name} ${action}`).toEqual([]);
        }
      }
    }
    const role = cmd("win701.lab.local-role");
    expect(role.stdinSecret).toBe(true);
    // The password does travel, on stdin only: the test would notice if it were not used at all.
    expect(role.stdin).toContain(`PxePassword = '${PXE_PASSWORD}'`);
    expect(role.reg.inputs.logging).toBe("none");
    expect(role.secretOutputs).toEqual(expect.arrayContaining(["stdout", "stderr"]));
    // Steps without a secret stay readable in the preview.
    const prepare = cmd("win701.lab.local-prepare");
    expect(prepare.stdinSecret).toBe(false);
    expect(prepare.reg.inputs.logging).toBeUndefined();
    expect(prepare.secretOutputs).not.toContain("stdout");
  });
});

describe("a primary with a secondary, a pull DP and a PXE DP at the secondary", () => {
  it("is a clean document", () => {
    const validation = validateDocument(loadTopologyObject(siteDoc()));
    expect(validation.diagnostics.filter((d) => d.severity === "error" && !d.waived)).toEqual([]);
  });

  it("installs the secondary from its parent, and manages the secondary's DP through the parent's SMS Provider", async () => {
    const { cmd, depsOf, commands } = await build("ms", siteDoc());
    expect([...commands.keys()].sort()).toEqual(
      [
        "ms-P01-verify",
        "ms-S01-install",
        "ms-hq-boundary-group",
        "ms-branch-boundary-group",
        ...["dp1", "dp2", "dp3"].flatMap((d) => [`ms-${d}.contoso.com-prepare`, `ms-${d}.contoso.com-role`]),
      ].sort(),
    );
    const install = cmd("S01-install");
    expect(install.host).toBe("cm01.contoso.com");
    expect(install.deleteBeforeReplace).toBe(true);
    expect(install.reg.inputs.triggers).toEqual(["S01", "sec01.contoso.com"]);
    expect(install.stdin).toContain("SecondaryCode = 'S01'");
    expect(install.stdin).toContain("Remove-CMSecondarySite -SiteCode $secondaryCode -Action Uninstall");
    expect(depsOf(install.reg)).toEqual(["check:SecondarySite::ms-S01", "check:Topology::ms-topology", "cmd::ms-P01-verify"].sort());

    const role3 = cmd("dp3.contoso.com-role");
    expect(role3.host).toBe("cm01.contoso.com");
    expect(role3.stdin).toContain("SiteCode = 'S01'");
    expect(role3.stdin).toContain("ProviderSiteCode = 'P01'");
    expect(depsOf(role3.reg)).toEqual(
      [
        "check:DistributionPoint::ms-dp3.contoso.com",
        "check:Topology::ms-topology",
        "cmd::ms-branch-boundary-group",
        "cmd::ms-S01-install",
        "cmd::ms-dp3.contoso.com-prepare",
      ].sort(),
    );
    // The DP host grants the secondary's site server, whose DistMgr installs the DP.
    expect(cmd("dp3.contoso.com-prepare").stdin).toContain("Account = 'CONTOSO\\SEC01$'");
  });

  it("makes a pull DP's role wait for its source's role, and names groups as the groups spell them", async () => {
    const { cmd, depsOf, mine } = await build("ms2", siteDoc());
    expect(depsOf(cmd("dp2.contoso.com-role").reg)).toContain("cmd::ms2-dp1.contoso.com-role");
    expect(cmd("dp2.contoso.com-role").stdin).toContain("BoundaryGroups = @('HQ')");
    expect(cmd("hq-boundary-group").stdin).toContain("SiteSystems = @('dp1.contoso.com', 'dp2.contoso.com')");
    const order = destroyOrder(mine);
    const at = (n: string) => order.indexOf(`ms2-${n}`);
    expect(at("dp2.contoso.com-role")).toBeLessThan(at("dp1.contoso.com-role"));
    expect(at("dp3.contoso.com-role")).toBeLessThan(at("S01-install"));
    expect(at("S01-install")).toBeLessThan(at("P01-verify"));
    expect(at("dp3.contoso.com-role")).toBeLessThan(at("dp3.contoso.com-prepare"));
    for (const [first, then] of [
      ["dp2.contoso.com-role", "dp1.contoso.com-role"],
      ["dp3.contoso.com-role", "S01-install"],
      ["dp3.contoso.com-role", "dp3.contoso.com-prepare"],
      ["dp3.contoso.com-role", "branch-boundary-group"],
      ["S01-install", "P01-verify"],
    ]) {
      expect(destroyedBefore(mine, `ms2-${first}`, `ms2-${then}`), `${first} before ${then}`).toBe(true);
    }
  });

  it("carries the PXE password from the config secret on a secret stdin, and every stdin parses", async () => {
    const { commands, cmd } = await build("ms3", siteDoc());
    const role = cmd("dp3.contoso.com-role");
    expect(role.stdinSecret).toBe(true);
    expect(role.stdin).toContain(PXE_PASSWORD);
    expect(cmd("dp1.contoso.com-role").stdinSecret).toBe(false);
    for (const c of commands.values()) expect(await syntaxProblems(c.stdin), c.name).toEqual([]);
  });

  it("runs the boundary-group steps on the CAS when there is one", async () => {
    const doc = multiSiteDoc();
    const pxe = doc.distributionPoints.find((d) => d.server === "dp7.contoso.com")!;
    pxe.pxe = { ...pxe.pxe, passwordSecret: "pxePassword" };
    const { commands, cmd, depsOf } = await build("cas", doc);
    for (const g of ["hq", "branch paris", "remote", "vpn"]) {
      expect(cmd(`${g}-boundary-group`).host).toBe("cm00.contoso.com");
      expect(cmd(`${g}-boundary-group`).stdin).toContain("SiteCode = 'CAS'");
    }
    expect(depsOf(cmd("branch paris-boundary-group").reg)).toContain("cmd::cas-P02-verify");
    expect(cmd("dp7.contoso.com-role").host).toBe("cm02.contoso.com");
    for (const c of commands.values()) expect(await syntaxProblems(c.stdin), c.name).toEqual([]);
  });

  it("creates no prepare step for a DP with prepareHost: false", async () => {
    const doc = siteDoc();
    doc.distributionPoints[0] = { ...doc.distributionPoints[0], prepareHost: false, hostHas: { features: true, localAdmin: true } };
    const { commands, cmd, depsOf } = await build("noprep", doc);
    expect(commands.has("noprep-dp1.contoso.com-prepare")).toBe(false);
    expect(depsOf(cmd("dp1.contoso.com-role").reg).filter((d) => d.startsWith("cmd::")).sort()).toEqual(["cmd::noprep-P01-verify", "cmd::noprep-hq-boundary-group"].sort());
  });
});

describe("a document that breaks rules", () => {
  it("builds without throwing: the checks report, a script that cannot be generated fails when run", async () => {
    const { commands, cmd } = await build("bad", violationsDoc());
    expect(commands.size).toBeGreaterThan(10);
    for (const c of commands.values()) expect(await syntaxProblems(c.stdin), c.name).toEqual([]);
    // cv.contoso.com's schedule says 25:99 (CV-SCHEDULE): its role script cannot be generated, so the
    // step would fail with the reason — it never runs, because the checks fail first.
    const cv = cmd("cv.contoso.com-role").stdin;
    expect(cv).toContain("throw 'cannot generate the dp-role/create script: content validation time must be HH:MM");
    expect(cv).toContain("Write-Result 'failed' $_.Exception.Message");
    // No step for a DP whose site does not resolve to a primary or secondary (DP on the CAS).
    expect(commands.has("bad-oncas.contoso.com-role")).toBe(false);
  });
});

describe("the four classes on their own", () => {
  it("provision with their own arguments; a group needs the site whose SMS Provider manages it", async () => {
    const dp = new lib.DistributionPoint("solo-dp", {
      ...serverDp("Solo01.Lab.Local", "P09", { boundaryGroups: ["Solo"] }),
      configMgrVersion: "2403",
      domain: "LAB",
      siteServer: "cm09.lab.local",
      pxePassword: new pulumi.Config("proj").requireSecret("soloPxe"),
    });
    const group = new lib.BoundaryGroup("solo-bg", {
      name: "Solo",
      boundaries: [{ ipSubnet: "10.9.0.0/16" }],
      configMgrVersion: "2403",
      provisioning: { smsProvider: { siteCode: "P09", server: "cm09.lab.local" } },
    });
    await registered([dp, group, dp.steps.prepare!, dp.steps.role!, group.steps.boundaryGroup!]);
    const reg = (n: string) => regs.find((r) => r.type === COMMAND && r.name === n)!;
    expect(unwrapSecrets(reg("solo-dp-role").inputs.connection).host).toBe("cm09.lab.local");
    expect(unwrapSecrets(reg("solo-dp-prepare").inputs.connection).host).toBe("solo01.lab.local");
    expect(reg("solo-dp-role").inputs.triggers).toEqual(["solo01.lab.local", "P09"]);
    expect(isSecretValue(reg("solo-dp-role").inputs.stdin)).toBe(true);
    // On its own a group does not know its DPs: it leaves site systems to their role steps.
    const bg = decodeStdin(unwrapSecrets(reg("solo-bg-boundary-group").inputs.stdin) as string);
    expect(bg).toContain("SiteSystems = $null");

    expect(() => new lib.BoundaryGroup("solo-bg2", { name: "Solo2", configMgrVersion: "2403" })).toThrow(/provisioning\.smsProvider/);
    expect(
      () => new lib.DistributionPoint("solo-dp2", { ...serverDp("solo02.lab.local", "P09"), configMgrVersion: "2403", domain: "LAB" }),
    ).toThrow(/`siteServer`/);
    expect(() => new lib.SecondarySite("solo-sec", { siteCode: "S09", parent: "P09", server: "sec09.lab.local", configMgrVersion: "2403" })).toThrow(
      /provisioning\.smsProvider/,
    );
    const site = new lib.PrimarySite("solo-site", { siteCode: "P09", server: "cm09.lab.local", configMgrVersion: "2403", provision: false });
    expect(site.steps).toEqual({});
  });
});

describe("the dial policy (cannot lock an account)", () => {
  it("dials once with a password, six times with a key or agent only; configmgr:*DialAttempts change it", async () => {
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
    const { cmd } = await build("dial", labDoc());
    expect(cmd("P01-verify").connection).toMatchObject({ dialErrorLimit: 0, perDialTimeout: 15 });
    expect(cmd("win701.lab.local-prepare").connection).toMatchObject({ dialErrorLimit: 0 });
    const { "configmgr:password": _pw, ...keyOnly } = CONFIG;
    pulumi.runtime.setAllConfig({ ...keyOnly, "configmgr:keyDialAttempts": "4", "configmgr:dialTimeoutSeconds": "30" }, SECRET_KEYS);
    const key = await build("dialkey", labDoc());
    expect(key.cmd("win701.lab.local-prepare").connection).toMatchObject({ dialErrorLimit: 3, perDialTimeout: 30 });
    pulumi.runtime.setAllConfig({ ...CONFIG, "configmgr:passwordDialAttempts": "3" }, SECRET_KEYS);
    const three = await build("dial3", labDoc());
    expect(three.cmd("P01-verify").connection).toMatchObject({ dialErrorLimit: 2 });
  });

  it("refuses more than three password dials, naming the key and why", () => {
    pulumi.runtime.setAllConfig({ ...CONFIG, "configmgr:passwordDialAttempts": "11" }, SECRET_KEYS);
    expect(() => new lib.Hierarchy("dial11", { topology: labDoc() })).toThrow(
      /configmgr:passwordDialAttempts is 11; it must be a whole number from 1 to 3 \(every failed dial with a wrong password counts against the account's lockout threshold\)/,
    );
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
  });
});

describe("ConfigMgr 2012 RTM", () => {
  it("stops a provisioning program before anything is registered, naming the object, the reason and the fix; validation-only is fine", async () => {
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
    const before = regs.length;
    const rtm = { ...labDoc(), configMgrVersion: "2012" };
    expect(() => new lib.Hierarchy("rtm", { topology: rtm })).toThrow(pulumi.RunError);
    expect(() => new lib.Hierarchy("rtm", { topology: rtm })).toThrow(
      /Hierarchy rtm: \[provisioning\] hierarchy: configMgrVersion "2012" \(ConfigMgr 2012 RTM\) has no ConfigurationManager PowerShell module.*Fix: upgrade the site to 2012 SP1 or later.*provision: false/,
    );
    expect(regs.slice(before).filter((r) => r.name.startsWith("rtm"))).toEqual([]);
    const { mine } = await build("rtmcheck", rtm, { provision: false });
    expect(mine.filter((r) => r.type === COMMAND)).toEqual([]);
    expect(mine.filter((r) => r.type.startsWith(DYNAMIC_PREFIX)).length).toBeGreaterThan(0);
    expect(
      () => new lib.DistributionPoint("rtm-dp", { ...serverDp("solo.lab.local", "P01"), configMgrVersion: "2012", domain: "LAB", siteServer: "cm01.lab.local" }),
    ).toThrow(/DistributionPoint rtm-dp: \[provisioning\] configMgrVersion "2012"/);
  });

  it("refuses in the script when the version is only known at up (an Output)", async () => {
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
    const site = new lib.PrimarySite("rtm-out", { siteCode: "P09", server: "cm09.lab.local", configMgrVersion: pulumi.output("2012") });
    await registered([site, site.steps.verify!]);
    const stdin = scriptOfStdin(unwrapSecrets(regs.find((r) => r.type === COMMAND && r.name === "rtm-out-verify")!.inputs.stdin));
    expect(stdin).toContain("ConfigMgr 2012 RTM");
    expect(stdin).toContain("upgrade the site to 2012 SP1");
  });
});

describe("a PXE password that the role script cannot carry", () => {
  it("is refused before any script is made, naming the field, never quoting the value", async () => {
    const bad = "pxe-crlf-sentinel-4e1a\r\n";
    pulumi.runtime.setAllConfig({ ...CONFIG, "proj:pxePassword": bad }, SECRET_KEYS);
    const doc = siteDoc();
    const { cmd } = await build("crlf", doc);
    const role = cmd("dp3.contoso.com-role");
    expect(role.stdinSecret).toBe(true);
    expect(role.stdin).toContain("the PXE password (pxe.passwordSecret) contains a control character");
    expect(role.stdin).not.toContain("pxe-crlf-sentinel-4e1a");
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
  });
});

describe("names that are JavaScript prototype keys", () => {
  it("never disappear: a group named __proto__ and a DP on a server named constructor are entries like any other", async () => {
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
    const doc = labDoc();
    doc.boundaryGroups = [...doc.boundaryGroups!, { name: "__proto__", assignedSite: "P01", boundaries: [{ ipSubnet: "10.77.0.0/24" }] }];
    doc.distributionPoints = [...doc.distributionPoints, serverDp("constructor", "P01", { boundaryGroups: ["__proto__"] })];
    const { h, commands } = await build("proto", doc);
    expect(Object.keys(h.boundaryGroups)).toContain("__proto__");
    expect(h.boundaryGroups["__proto__"]).toBeInstanceOf(lib.BoundaryGroup);
    expect(Object.keys(h.distributionPoints)).toContain("constructor");
    expect(h.distributionPoints["constructor"]).toBeInstanceOf(lib.DistributionPoint);
    expect(commands.has("proto-__proto__-boundary-group")).toBe(true);
    expect(commands.has("proto-constructor-role")).toBe(true);
    expect(h.distributionPoints["toString"]).toBeUndefined();
  });
});

describe("adopt only", () => {
  it("puts AdoptOnly into every site-server step's data and refuses a DP whose host would be prepared", async () => {
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
    const adopted = labDoc();
    adopted.distributionPoints = adopted.distributionPoints.map((d) => ({ ...d, prepareHost: false, hostHas: { features: true, localAdmin: true } }));
    const { cmd, commands } = await build("adopt", adopted, { provisioning: { adoptOnly: true } });
    expect([...commands.keys()].filter((n) => n.endsWith("-prepare"))).toEqual([]);
    expect(cmd("lab hq-boundary-group").stdin).toContain("AdoptOnly = $true");
    expect(cmd("win701.lab.local-role").stdin).toContain("AdoptOnly = $true");
    // The delete action is not adopt-only: destroy still removes what the stack made.
    expect(cmd("win701.lab.local-role").stdin).toMatch(/Step = 'dp-role\/delete'[\s\S]*?AdoptOnly = \$false/);
    const { cmd: plain } = await build("noadopt", adopted);
    expect(plain("win701.lab.local-role").stdin).not.toContain("AdoptOnly = $true");
    expect(() => new lib.Hierarchy("adopt-prepared", { topology: labDoc(), provisioning: { adoptOnly: true } })).toThrow(
      /adopt only .*dp:win701\.lab\.local would have its host prepared.*set prepareHost: false with hostHas/,
    );
  });
});

describe("lookups by name", () => {
  it("are as forgiving as the document: any case of a group name, FQDN or site code finds the object", async () => {
    pulumi.runtime.setAllConfig(CONFIG, SECRET_KEYS);
    const { h } = await build("lookups", labDoc());
    expect(h.boundaryGroups["lab hq"]).toBe(h.boundaryGroups["Lab HQ"]);
    expect(h.boundaryGroups["LAB HQ"]).toBeInstanceOf(lib.BoundaryGroup);
    expect("lab hq" in h.boundaryGroups).toBe(true);
    expect(h.distributionPoints["WIN701.Lab.Local"]).toBe(h.distributionPoints["win701.lab.local"]);
    expect(h.primarySites["p01"]).toBe(h.primarySites["P01"]);
    expect(Object.keys(h.boundaryGroups)).toEqual(["Lab HQ"]);
    expect(h.boundaryGroups["lab"]).toBeUndefined();
  });
});

describe("the whole file", () => {
  it("raises no unhandled rejection", async () => {
    await new Promise((r) => setTimeout(r, 100));
    expect(rejections).toEqual([]);
  });
});
