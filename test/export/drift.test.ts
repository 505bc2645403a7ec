import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../lib/cli/main";
import { captureIo, writeDoc } from "../cli/helpers";
import { labOutput } from "./export-output";

const lab = join(__dirname, "..", "..", "examples", "lab", "topology.yaml");

async function drift(exportText: string, ...more: string[]) {
  const io = captureIo();
  const code = await runCli(["drift", lab, "--from", writeDoc(`export-${Math.random()}.txt`, exportText), ...more], io);
  return { code, out: io.out(), err: io.err() };
}

describe("drift: the document against the running estate", () => {
  it("reports no drift when the estate matches in every setting the export reads (exit 0)", async () => {
    const r = await drift(labOutput());
    expect(r.err).toBe("");
    expect(r.out).toMatch(/No drift: the estate \(cm01\.lab\.local\) matches .*topology\.yaml/);
    expect(r.code).toBe(0);
  });

  it("names a setting changed by hand, and which way pulumi up moves it (exit 1)", async () => {
    const r = await drift(labOutput({ description: "changed by hand" }));
    expect(r.code).toBe(1);
    expect(r.out).toContain("dp:win701.lab.local");
    expect(r.out).toMatch(/description/);
    expect(r.out).toMatch(/changed by hand/);
    expect(r.out).toMatch(/Windows 7 workstation as distribution point \(lab\)/);
  });

  it("names a boundary added by hand to a group", async () => {
    const extra = labOutput({
      extra: (o) =>
        o
          .row("SMS_Boundary", "cm01.lab.local", { BoundaryID: 8, BoundaryType: 3, Value: "192.168.9.1-192.168.9.9", DisplayName: "by hand" })
          .row("SMS_BoundaryGroupMembers", "cm01.lab.local", { GroupID: 1, BoundaryID: 8 }),
    });
    const r = await drift(extra, "--format", "json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { drift: boolean; objects: { ref: string; change: string; fields: { path: string; before?: unknown; after?: unknown }[] }[] };
    expect(json.drift).toBe(true);
    const group = json.objects.find((o) => o.ref === "bg:Lab HQ");
    expect(group?.change).toBe("updated");
    expect(JSON.stringify(group)).toContain("192.168.9.1-192.168.9.9");
  });

  it("refuses export output that did not arrive whole (exit 2)", async () => {
    const cut = labOutput().split("\r\n").slice(0, 5).join("\r\n");
    const r = await drift(cut);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/did not arrive whole/);
  });
});
