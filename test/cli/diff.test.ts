import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { runDiff } from "../../lib/cli/diff";
import { runCli } from "../../lib/cli/main";
import type { TopologyDiff } from "../../lib/diff/topology-diff";
import { labDoc, serverDp } from "../fixtures/lab";
import { multiSiteDoc } from "../pulumi/corpus";
import { captureIo, writeDoc } from "./helpers";

type Doc = ReturnType<typeof labDoc>;

async function diffOf(base: object, head: object, format: "json" | "text" | "markdown" = "json") {
  const io = captureIo();
  const code = await runDiff({ base: writeDoc("diff-base.yaml", base), head: writeDoc("diff-head.yaml", head), format }, io);
  return { code, io, out: io.out(), json: format === "json" ? (JSON.parse(io.out()) as TopologyDiff) : undefined };
}

const objectOf = (d: TopologyDiff, ref: string) => d.objects.find((o) => o.ref === ref);

describe("diff: objects", () => {
  it("no change: nothing to review", async () => {
    const { code, out } = await diffOf(labDoc(), labDoc(), "text");
    expect(code).toBe(0);
    expect(out).toContain("No change to the hierarchy.");
    expect(out.trimEnd().split("\n").pop()).toBe("Before: 0 errors, 0 warnings, 0 waived. After: 0 errors, 0 warnings, 0 waived.");
  });

  it("reports added, removed and changed objects field by field; updates run the steps that read the fields", async () => {
    const base = multiSiteDoc();
    const head = multiSiteDoc();
    head.distributionPoints![0].hardware = { cores: 8, memoryGB: 32 };
    head.distributionPoints!.push(serverDp("dp8.contoso.com", "P02", { boundaryGroups: ["Branch Paris"] }));
    head.boundaryGroups = head.boundaryGroups!.filter((g) => g.name !== "VPN");
    head.distributionPoints![0].boundaryGroups = ["HQ"];
    const { code, json } = await diffOf(base, head);
    expect(code).toBe(0);
    expect(objectOf(json!, "dp:dp1.contoso.com")).toMatchObject({
      change: "updated",
      fields: expect.arrayContaining([
        { path: "hardware.cores", before: 4, after: 8 },
        { path: "hardware.memoryGB", before: 16, after: 32 },
        { path: "boundaryGroups", before: ["HQ", "VPN"], after: ["HQ"] },
      ]),
    });
    expect(objectOf(json!, "dp:dp8.contoso.com")).toMatchObject({ change: "added" });
    expect(objectOf(json!, "bg:VPN")).toMatchObject({ change: "removed" });
    const steps = json!.steps.map((s) => `${s.action} ${s.name} @${s.host}`);
    expect(steps).toEqual([
      "update branch paris-boundary-group @cm00.contoso.com", // gains dp8 as a site system
      "update dp1.contoso.com-role @cm01.contoso.com",
      "create dp8.contoso.com-prepare @dp8.contoso.com",
      "create dp8.contoso.com-role @cm02.contoso.com",
      "delete vpn-boundary-group @cm00.contoso.com",
    ]);
  });

  it.each([
    ["a DP's storage (install-time)", (d: Doc) => (d.distributionPoints[0].storage = { primaryContentLibrary: "D", primaryPackageShare: "C", minimumFreeSpaceMB: 50 }), "dp:win701.lab.local", "storage", "install-time", true],
    ["a DP's site (identity)", (d: Doc) => {
      d.primarySites!.push({ siteCode: "P02", server: "cm02.lab.local" });
      d.distributionPoints[0].site = "P02";
    }, "dp:win701.lab.local", "site", "identity", true],
  ] as const)("%s replaces the DP; the verdict is the providers' own", async (_name, change, ref, field, why, deleteFirst) => {
    const head = labDoc();
    change(head);
    const { json } = await diffOf(labDoc(), head);
    expect(objectOf(json!, ref)).toMatchObject({ change: "replaced", replacedBy: [{ field, why }], deleteBeforeReplace: deleteFirst });
  });

  it("a secondary's parent replaces it; a boundary group renamed in case only is an update; clients are an update", async () => {
    const base = multiSiteDoc();
    const head = multiSiteDoc();
    head.secondarySites![1].parent = "P01";
    head.boundaryGroups![0].name = "hq";
    head.primarySites![0].clients = 41_000;
    const { json, out } = await diffOf(base, head);
    expect(objectOf(json!, "site:S02")).toMatchObject({ change: "replaced", replacedBy: [{ field: "parent", why: "identity" }] });
    expect(objectOf(json!, "bg:hq")).toMatchObject({ change: "updated", fields: [{ path: "name", before: "HQ", after: "hq" }] });
    expect(objectOf(json!, "site:P01")).toMatchObject({ change: "updated", fields: [{ path: "clients", before: 40_000, after: 41_000 }] });
    expect(out).not.toContain("P01-verify"); // the verify script does not read clients
  });

  it("a version change updates every object and every step; the hierarchy fields are listed", async () => {
    const base = multiSiteDoc();
    const head = { ...multiSiteDoc(), configMgrVersion: "2409" };
    const { json } = await diffOf(base, head);
    expect(json!.hierarchy).toEqual([{ path: "configMgrVersion", before: "2403", after: "2409" }]);
    expect(json!.objects.every((o) => o.change === "updated")).toBe(true);
    expect(json!.objects).toHaveLength(2 + 2 + 4 + 7);
    expect(json!.steps.every((s) => s.action === "update")).toBe(true);
  });
});

describe("diff: capacity and diagnostics", () => {
  it("shows the figures that move and the diagnostics that appear or disappear", async () => {
    const head = labDoc();
    head.boundaryGroups![0].clients = 25; // 25 on a Windows 7 DP: CLIENT-OS-CONNECTIONS
    head.primarySites![0].clients = 25;
    const { code, json, } = await diffOf(labDoc(), head);
    expect(code).toBe(1);
    expect(json!.capacity).toContainEqual({ object: "dp:win701.lab.local", figure: "client-OS connections", before: 18, after: 25, limit: 20, crosses: true });
    expect(json!.capacity).toContainEqual(expect.objectContaining({ object: "site:P01", figure: "clients", before: 18, after: 25 }));
    expect(json!.diagnostics).toContainEqual(expect.objectContaining({ change: "appears", rule: "CLIENT-OS-CONNECTIONS", object: "dp:win701.lab.local", severity: "error" }));
    const back = await diffOf(head, labDoc());
    expect(back.code).toBe(0);
    expect(back.json!.diagnostics).toContainEqual(expect.objectContaining({ change: "disappears", rule: "CLIENT-OS-CONNECTIONS" }));
  });
});

describe("diff: formats and sources", () => {
  const change = () => {
    const head = labDoc();
    head.distributionPoints[0].hardware = { cores: 2, memoryGB: 4 };
    head.distributionPoints[0].storage = { primaryContentLibrary: "D", primaryPackageShare: "C", minimumFreeSpaceMB: 50 };
    return head;
  };

  it("text reads as a review: sections, the reason for a replacement, numbered steps", async () => {
    const { out, code } = await diffOf(labDoc(), change(), "text");
    expect(code).toBe(1);
    expect(out).toContain("Replaced\n  ± dp:win701.lab.local\n      because of storage (install-time field: not re-applied to an installed role); the old one is deleted first\n");
    expect(out).toContain("      hardware.memoryGB: 8 → 4\n");
    expect(out).toContain("Remote steps `pulumi up` would run, in order\n  1. update win701.lab.local-role on cm01.lab.local\n");
    expect(out).toContain("  + error [DP-HW-MIN] dp:win701.lab.local has 4 GB of memory");
  });

  it("Markdown is a PR comment: a heading, the verdict, tables", async () => {
    const { out } = await diffOf(labDoc(), change(), "markdown");
    expect(out.split("\n")[0]).toBe("### pulumi-configmgr diff");
    expect(out).toContain("**After the change:** :x: 1 error, 0 warnings, 0 waived (before: 0 errors, 0 warnings, 0 waived)");
    expect(out).toMatch(/^\| `dp:win701\.lab\.local` \| replaced \| replaced because of storage .*<br>`hardware\.memoryGB`: 8 → 4/m);
    expect(out).toContain("| 1 | update | `win701.lab.local-role` | `cm01.lab.local` |");
  });

  it("reads git:<rev>:<path> and -, and says what is wrong with a source it cannot read", async () => {
    const repo = mkdtempSync(join(tmpdir(), "pulumi-configmgr-git-"));
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=t@example.invalid", "-c", "user.name=t", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    writeFileSync(join(repo, "topology.yaml"), stringify(labDoc()));
    git("add", "topology.yaml");
    expect(git("commit", "-qm", "lab").status).toBe(0);
    writeFileSync(join(repo, "topology.yaml"), stringify(change()));
    const io = { ...captureIo(), readStdin: () => stringify(change()) };
    expect(await runDiff({ base: "git:HEAD:topology.yaml", head: "-", format: "json", cwd: repo }, io)).toBe(1);
    const d = JSON.parse(io.out()) as TopologyDiff;
    expect(d.base).toBe("git:HEAD:topology.yaml");
    expect(d.head).toBe("<stdin>");
    expect(objectOf(d, "dp:win701.lab.local")?.change).toBe("replaced");

    const missing = captureIo();
    expect(await runDiff({ base: "git:HEAD:nope.yaml", head: join(repo, "topology.yaml"), cwd: repo }, missing)).toBe(2);
    expect(missing.err()).toMatch(/^git:HEAD:nope\.yaml: git cannot show nope\.yaml at HEAD: .*nope\.yaml/);
    const badRev = captureIo();
    expect(await runDiff({ base: "git:no-such-branch:topology.yaml", head: join(repo, "topology.yaml"), cwd: repo }, badRev)).toBe(2);
    expect(badRev.err()).toMatch(/git cannot show topology\.yaml at no-such-branch/);
    const malformed = captureIo();
    expect(await runDiff({ base: "git:HEAD", head: join(repo, "topology.yaml"), cwd: repo }, malformed)).toBe(2);
    expect(malformed.err()).toMatch(/write a git source as git:<rev>:<path>/);
  });

  it("runs from the command line with the same exit codes", async () => {
    const base = writeDoc("cli-diff-base.yaml", labDoc());
    const head = writeDoc("cli-diff-head.yaml", change());
    const io = captureIo();
    expect(await runCli(["diff", base, head, "--format", "markdown"], io)).toBe(1);
    expect(io.out()).toContain("### pulumi-configmgr diff");
    const usage = captureIo();
    expect(await runCli(["diff", base], usage)).toBe(2);
    expect(usage.err()).toMatch(/missing required argument 'head'/);
  });

  it("a side without the format's shape gives the diagnostics and says why there is no object diff", async () => {
    const { json } = await diffOf(labDoc(), { ...labDoc(), primarySites: 3 });
    expect(json!.incomplete).toBe("the head document does not have the topology format's shape (see its SCHEMA diagnostics)");
    expect(json!.diagnostics).toContainEqual(expect.objectContaining({ change: "appears", rule: "SCHEMA" }));
  });
});

describe("the bin, spawned", () => {
  it("diff's exit code crosses the process boundary; - reads the real standard input", async () => {
    const { spawnSync: spawn } = await import("node:child_process");
    const { ensureBuilt } = await import("./helpers");
    const bin = ensureBuilt();
    const head = labDoc();
    head.distributionPoints[0].hardware = { cores: 2, memoryGB: 4 };
    const run = spawn(process.execPath, [bin, "diff", writeDoc("spawn-base.yaml", labDoc()), "-", "--format", "json"], { input: stringify(head), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(1);
    expect((JSON.parse(run.stdout) as TopologyDiff).diagnostics).toContainEqual(expect.objectContaining({ change: "appears", rule: "DP-HW-MIN" }));
    const validate = spawn(process.execPath, [bin, "validate", "-", "--format", "compact"], { input: stringify(head), encoding: "utf8" });
    expect(validate.status).toBe(1);
    expect(validate.stdout).toMatch(/^<stdin>:\d+:\d+: error DP-HW-MIN dp:win701\.lab\.local /m);
  }, 120_000);
});
