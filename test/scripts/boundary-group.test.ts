import { describe, expect, it } from "vitest";
import { BOUNDARY_NAME_PREFIX, boundaryGroupConfig, boundaryGroupScript, boundarySpec, subnetId } from "../../lib/scripts/boundary-group";
import type { BoundaryGroupInput, ScriptAction } from "../../lib/scripts/types";
import { v } from "../../lib/topology/version";
import { commands, expectSiteScriptOk, named } from "./site-script-checks";

const ACTIONS: ScriptAction[] = ["create", "update", "delete"];

function input(extra: Partial<BoundaryGroupInput> = {}): BoundaryGroupInput {
  return {
    version: "2403",
    siteCode: "P01",
    siteServer: "cm01.contoso.com",
    name: "Branch 1",
    assignedSite: "P01",
    boundaries: [{ ipSubnet: "10.1.0.0/16" }],
    siteSystems: ["dp01.contoso.com"],
    ...extra,
  };
}

const ALL_TYPES = [
  { ipSubnet: "192.168.1.77/24" },
  { ipRange: "192.168.2.10-192.168.2.200" },
  { adSite: "Default-First-Site-Name" },
  { ipv6Prefix: "2001:db8:1::/64" },
  { vpn: "Name:Contoso VPN" },
];

const CASES: Record<string, BoundaryGroupInput> = {
  "one subnet, assigned": input(),
  "every boundary type, description, two DPs": input({ boundaries: ALL_TYPES, description: "Branch office", siteSystems: ["dp01.contoso.com", "dp02.contoso.com"] }),
  "no boundaries, no site systems, no assignment": input({ boundaries: [], siteSystems: [], assignedSite: undefined }),
  "2012 SP1 lab": input({ version: "2012 SP1", name: "Lab HQ", boundaries: [{ ipSubnet: "192.168.1.0/24" }], siteSystems: ["win701.lab.local"] }),
  "2012 SP1 without assignment": input({ version: "2012 SP1", assignedSite: undefined }),
  "hostile name": input({ name: "HQ*[1]' ; Remove-Item C:\\ ; '$(x)", description: "d'; Remove-Item C:\\" }),
};

describe("boundaryGroupScript: every action and case", () => {
  for (const [name, bgInput] of Object.entries(CASES)) {
    for (const action of ACTIONS) {
      it(`${name} / ${action}: parses, -ErrorAction Stop on every CM cmdlet, -Force on every Remove-*`, async () => {
        const cmds = await expectSiteScriptOk(boundaryGroupScript(bgInput, action));
        expect(named(cmds, "Remove-Item")).toHaveLength(0);
      });
    }
  }
});

describe("boundarySpec and subnetId", () => {
  it("keeps the declared value for New-CMBoundary and compares by type number and stored value", () => {
    const specs = ALL_TYPES.map((b) => boundarySpec(b, v("2403")));
    expect(specs.map((s) => [s.type, s.typeNumber])).toEqual([
      ["IPSubnet", 0],
      ["IPRange", 3],
      ["ADSite", 1],
      ["IPV6Prefix", 2],
      ["Vpn", 4],
    ]);
    expect(specs[0]).toEqual({ type: "IPSubnet", typeNumber: 0, value: "192.168.1.77/24", stored: "192.168.1.0" });
    expect(specs[1].stored).toBe("192.168.2.10-192.168.2.200");
  });
  it("computes the subnet ID ConfigMgr stores", () => {
    expect(subnetId("192.168.1.0/24")).toBe("192.168.1.0");
    expect(subnetId("10.1.2.3/8")).toBe("10.0.0.0");
    expect(subnetId("172.16.50.129/25")).toBe("172.16.50.128");
    expect(subnetId("255.255.255.255/32")).toBe("255.255.255.255");
    expect(subnetId("10.9.8.7/0")).toBe("0.0.0.0");
    for (const bad of ["10.0.0.0", "10.0.0/24", "10.0.0.256/24", "10.0.0.0/33"]) expect(() => subnetId(bad), bad).toThrow(/IPv4 CIDR/);
  });
  it("refuses VPN boundaries before 2010", () => {
    expect(() => boundarySpec({ vpn: "Auto:On" }, v("2006"))).toThrow(/2010/);
    expect(boundarySpec({ vpn: "Auto:On" }, v("2010")).typeNumber).toBe(4);
  });
});

type Cfg = Record<string, any>;
const cfg = (bg: BoundaryGroupInput, action: ScriptAction = "create") => boundaryGroupConfig(bg, action) as Cfg;

describe("boundaryGroupConfig", () => {
  it("carries the group, its assignment and description", () => {
    const c = cfg(CASES["every boundary type, description, two DPs"]);
    expect(c).toMatchObject({ GroupName: "Branch 1", Description: "Branch office", AssignedSite: "P01", SiteCode: "P01", SiteServer: "cm01.contoso.com", CmModule: true });
    expect(cfg(CASES["no boundaries, no site systems, no assignment"])).toMatchObject({ AssignedSite: null, Description: null, CanClearSite: true, SiteSystems: [] });
    expect(cfg(CASES["2012 SP1 without assignment"]).CanClearSite).toBe(false);
    expect(cfg(input({ siteSystems: undefined })).SiteSystems).toBeNull();
  });

  it("lists the declared boundaries with the values to create and to compare", () => {
    const c = cfg(CASES["every boundary type, description, two DPs"]);
    expect(c.Boundaries[0]).toEqual({ Type: "IPSubnet", TypeNumber: 0, Value: "192.168.1.77/24", Stored: "192.168.1.0" });
    expect(c.Boundaries[4]).toEqual({ Type: "Vpn", TypeNumber: 4, Value: "Name:Contoso VPN", Stored: "Name:Contoso VPN" });
    expect(c.Prefix).toBe(BOUNDARY_NAME_PREFIX);
    expect(BOUNDARY_NAME_PREFIX).toBe("pulumi-configmgr: ");
  });

  it("attaches DPs by group ID from 1706, and through Set-CMDistributionPoint on 2012 SP1/R2 and 1610 (no site-system parameters there)", () => {
    expect(cfg(input()).GroupsByServerName).toBe(true);
    for (const version of ["2012 SP1", "2012 R2", "2012 R2 SP1", "1610", "1702"]) expect(cfg(input({ version })).GroupsByServerName, version).toBe(false);
    expect(() => boundaryGroupScript(input({ version: "2012 R2", name: "HQ*" }), "create")).toThrow(/"HQ\*" contains \* \? or \[.*rename the group/);
  });
});

describe("boundary-group.ps1", () => {
  it("creates the group by name, changes it by ID, and creates boundaries with the library prefix", async () => {
    const cmds = await commands(boundaryGroupScript(input(), "update"));
    expect(named(cmds, "New-CMBoundaryGroup").map((c) => c.text)).toEqual(["New-CMBoundaryGroup @new -ErrorAction Stop"]);
    expect(named(cmds, "New-CMBoundary").map((c) => c.text)).toEqual(["New-CMBoundary -Type $Spec.Type -Value $Spec.Value -Name ($prefix + $Spec.Value) -ErrorAction Stop"]);
    expect(named(cmds, "Add-CMBoundaryToGroup").map((c) => c.text)).toEqual(["Add-CMBoundaryToGroup -BoundaryGroupId $GroupId -BoundaryId $boundaryId -ErrorAction Stop"]);
    expect(named(cmds, "Remove-CMBoundaryFromGroup").map((c) => c.text)).toEqual(["Remove-CMBoundaryFromGroup -BoundaryGroupId $GroupId -BoundaryId $memberId -Force -ErrorAction Stop"]);
    expect(named(cmds, "Remove-CMBoundaryGroup").map((c) => c.text)).toEqual(["Remove-CMBoundaryGroup -Id ([string]$group.GroupID) -Force -ErrorAction Stop"]);
    // Every Set-CMBoundaryGroup goes by -Id; site-system parameters only in the by-name branch.
    for (const set of named(cmds, "Set-CMBoundaryGroup")) expect(set.parameters[0]).toBe("Id");
    const withSystems = named(cmds, "Set-CMBoundaryGroup").filter((c) => c.parameters.some((p) => /SiteSystem/.test(p)));
    expect(withSystems.map((c) => c.parameters[1])).toEqual(["AddSiteSystemServerName", "RemoveSiteSystemServerName"]);
    expect(named(cmds, "Set-CMDistributionPoint").map((c) => c.parameters)).toEqual([
      ["SiteSystemServerName", "SiteCode", "AddBoundaryGroupName", "ErrorAction"],
      ["SiteSystemServerName", "SiteCode", "RemoveBoundaryGroupName", "ErrorAction"],
    ]);
  });
});
