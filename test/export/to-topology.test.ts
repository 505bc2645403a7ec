import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { emitTopologyYaml } from "../../lib/export/emit-yaml";
import { parseExport } from "../../lib/export/records";
import { toTopology } from "../../lib/export/to-topology";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyText } from "../../lib/topology/load";
import { ExportOutput, labOutput } from "./export-output";

describe("an export as a topology document", () => {
  it("describes the seed's lab as the lab document does (the fields ConfigMgr and WMI know)", () => {
    const { document } = toTopology(parseExport(labOutput()));
    expect(document).toMatchObject({
      configMgrVersion: "2012 SP1",
      domain: "LAB",
      primarySites: [{ siteCode: "P01", name: "Lab primary site", server: "cm01.lab.local" }],
      boundaryGroups: [{ name: "Lab HQ", assignedSite: "P01", boundaries: [{ ipSubnet: "192.168.1.0/24" }] }],
      distributionPoints: [
        {
          server: "win701.lab.local",
          site: "P01",
          os: "windows-7",
          edition: "enterprise",
          architecture: "x64",
          hardware: { cores: 2, memoryGB: 8 },
          disks: [{ drive: "C", freeGB: 90 }],
          boundaryGroups: ["Lab HQ"],
          storage: { primaryContentLibrary: "C", primaryPackageShare: "C", minimumFreeSpaceMB: 50 },
          clientConnection: "http",
          description: "Windows 7 workstation as distribution point (lab)",
        },
      ],
    });
  });

  it("writes YAML with the schema line and a comment where a value could not be read; it validates", () => {
    const exported = toTopology(parseExport(labOutput()));
    const yaml = emitTopologyYaml(exported, ["Exported for a test."], "./schema.json");
    expect(yaml.split("\n")[0]).toBe("# yaml-language-server: $schema=./schema.json");
    expect(yaml).toMatch(/# estimate: content validation is on, on a schedule and priority the export does not read/);
    expect(yaml).toContain("hardware: { cores: 2, memoryGB: 8 }");
    expect(parse(yaml)).toEqual(exported.document);
    const validation = validateDocument(loadTopologyText(yaml, "export.yaml"));
    expect(validation.unreadable).toBeFalsy();
    expect(validation.model).toBeDefined();
    expect(validation.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("says what the DP has that the document cannot describe, and leaves it alone", () => {
    const text = labOutput({
      extra: (o) =>
        o
          .row("SMS_SCI_SysResUse", "cm01.lab.local", { RoleName: "SMS Management Point", SiteCode: "P01", NetworkOSPath: "\\\\win701.lab.local" })
          .row("SMS_SCI_SysResUse", "cm01.lab.local", { RoleName: "SMS Distribution Point", SiteCode: "P01", NetworkOSPath: "\\\\other.lab.local" })
          .prop("IsAnonymousEnabled", 1),
    });
    const { document, comments } = toTopology(parseExport(text));
    const servers = (document.distributionPoints as { server: string }[]).map((d) => d.server);
    const about = (server: string) => comments.filter((c) => c.path.join(".") === `distributionPoints.${servers.indexOf(server)}.site`).map((c) => c.text);
    expect(about("win701.lab.local")).toEqual(["outside what the library manages, left as it is: also has the site-system role SMS Management Point"]);
    expect(about("other.lab.local")).toEqual(["outside what the library manages, left as it is: anonymous connections allowed"]);
  });

  it("marks what it had to estimate instead of guessing silently", () => {
    const exported = toTopology(parseExport(labOutput({ build: 9999, os: { Caption: "Contoso OS", Version: "99.0.1", OSArchitecture: "" } })));
    const texts = exported.comments.map((c) => `${c.path.join(".")}: ${c.text}`);
    expect(texts).toContainEqual(expect.stringMatching(/^configMgrVersion: estimate: build 9999 is not in the library's table/));
    expect(texts).toContainEqual(expect.stringMatching(/^distributionPoints\.0\.os: estimate: the OS could not be read \(Contoso OS\)/));
    expect(texts).toContainEqual(expect.stringMatching(/^distributionPoints\.0\.architecture: estimate/));
  });

  it("gives an IP subnet boundary its prefix back from the name the library gave it, and says so where it cannot", () => {
    const text = new ExportOutput()
      .provider("cm01.lab.local", "P01")
      .row("SMS_Site", "cm01.lab.local", { SiteCode: "P01", ServerName: "cm01.lab.local", Type: 2, Version: "5.00.9128.1000", BuildNumber: 9128 })
      .row("SMS_BoundaryGroup", "cm01.lab.local", { GroupID: 1, Name: "HQ", DefaultSiteCode: "" })
      .row("SMS_Boundary", "cm01.lab.local", { BoundaryID: 1, BoundaryType: 0, Value: "10.1.0.0", DisplayName: "pulumi-configmgr: 10.1.0.0/16" })
      .row("SMS_Boundary", "cm01.lab.local", { BoundaryID: 2, BoundaryType: 0, Value: "10.2.0.0", DisplayName: "made by hand" })
      .row("SMS_Boundary", "cm01.lab.local", { BoundaryID: 3, BoundaryType: 3, Value: "10.3.0.1-10.3.0.9", DisplayName: "" })
      .row("SMS_BoundaryGroupMembers", "cm01.lab.local", { GroupID: 1, BoundaryID: 1 })
      .row("SMS_BoundaryGroupMembers", "cm01.lab.local", { GroupID: 1, BoundaryID: 2 })
      .row("SMS_BoundaryGroupMembers", "cm01.lab.local", { GroupID: 1, BoundaryID: 3 })
      .text();
    const exported = toTopology(parseExport(text));
    expect((exported.document.boundaryGroups as { boundaries: unknown[] }[])[0].boundaries).toEqual([{ ipRange: "10.3.0.1-10.3.0.9" }, { ipSubnet: "10.1.0.0/16" }, { ipSubnet: "10.2.0.0" }]);
    expect(exported.comments.map((c) => c.text)).toContainEqual(expect.stringContaining("ConfigMgr keeps only the subnet ID 10.2.0.0 of an IP subnet boundary"));
  });

  it("orders objects stably whatever order WMI returned them in", () => {
    const a = new ExportOutput()
      .provider("cm01.lab.local", "P01")
      .row("SMS_Site", "cm01.lab.local", { SiteCode: "P02", ServerName: "cm02.lab.local", Type: 2, Version: "5.00.9128.1000", BuildNumber: 9128 })
      .row("SMS_Site", "cm01.lab.local", { SiteCode: "P01", ServerName: "cm01.lab.local", Type: 2, Version: "5.00.9128.1000", BuildNumber: 9128 })
      .row("SMS_BoundaryGroup", "cm01.lab.local", { GroupID: 2, Name: "b", DefaultSiteCode: "" })
      .row("SMS_BoundaryGroup", "cm01.lab.local", { GroupID: 1, Name: "A", DefaultSiteCode: "" })
      .text();
    const { document } = toTopology(parseExport(a));
    expect((document.primarySites as { siteCode: string }[]).map((s) => s.siteCode)).toEqual(["P01", "P02"]);
    expect((document.boundaryGroups as { name: string }[]).map((g) => g.name)).toEqual(["A", "b"]);
    expect(document.configMgrVersion).toBe("2403");
  });
});
