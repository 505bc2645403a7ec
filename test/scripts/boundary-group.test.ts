import { describe, expect, it } from "vitest";
import { BOUNDARY_NAME_PREFIX, boundaryGroupScript, boundarySpec, subnetId } from "../../lib/scripts/boundary-group";
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

describe("boundaryGroupScript create/update", () => {
  it("creates the group with its assignment and description, and reads it back", async () => {
    const script = boundaryGroupScript(CASES["every boundary type, description, two DPs"], "create");
    const create = named(await commands(script), "New-CMBoundaryGroup");
    expect(create).toHaveLength(1);
    expect(create[0].text).toBe("New-CMBoundaryGroup -Name $groupName -Description 'Branch office' -DefaultSiteCode 'P01' -ErrorAction Stop");
    expect(script).toContain("if (Test-Differs ([string]$group.DefaultSiteCode) 'P01') { $groupSet['DefaultSiteCode'] = 'P01' }");
    expect(script).toContain("Set-CMBoundaryGroup -Id ([string]$group.GroupID) @groupSet -ErrorAction Stop");
  });

  it("turns site assignment off when none is declared (1610+), notes it before", () => {
    expect(boundaryGroupScript(CASES["no boundaries, no site systems, no assignment"], "update")).toContain("$groupSet['DefaultSiteCode'] = $null");
    const old = boundaryGroupScript(CASES["2012 SP1 without assignment"], "update");
    expect(old).not.toContain("$groupSet['DefaultSiteCode'] = $null");
    expect(old).toContain("cannot clear -DefaultSiteCode");
  });

  it("lists the declared boundaries with the values to create and to compare", () => {
    const script = boundaryGroupScript(CASES["every boundary type, description, two DPs"], "update");
    expect(script).toContain("  @{ Type = 'IPSubnet'; TypeNumber = 0; Value = '192.168.1.77/24'; Stored = '192.168.1.0' }");
    expect(script).toContain("  @{ Type = 'Vpn'; TypeNumber = 4; Value = 'Name:Contoso VPN'; Stored = 'Name:Contoso VPN' }");
    expect(script).toContain("('BoundaryType = ' + [int]$Spec.TypeNumber + ' AND Value = ' + (ConvertTo-WqlString $Spec.Stored))");
  });

  it("names the boundaries it creates with the library prefix, and deletes only such boundaries", async () => {
    expect(BOUNDARY_NAME_PREFIX).toBe("pulumi-configmgr: ");
    const script = boundaryGroupScript(input(), "update");
    expect(script).toContain("$prefix = 'pulumi-configmgr: '");
    const create = named(await commands(script), "New-CMBoundary")[0];
    expect(create.text).toBe("New-CMBoundary -Type $Spec.Type -Value $Spec.Value -Name ($prefix + $Spec.Value) -ErrorAction Stop");
    const remove = script.indexOf("Remove-CMBoundary -Id");
    expect(script.lastIndexOf("if (-not $name.StartsWith($prefix)) { return $null }", remove)).toBeGreaterThan(0);
    expect(script.lastIndexOf("('BoundaryID = ' + $BoundaryId)).Count -gt 0) { return $null }", remove)).toBeGreaterThan(0);
    const old = named(await commands(boundaryGroupScript(CASES["2012 SP1 lab"], "create")), "New-CMBoundary")[0];
    expect(old.parameters).toEqual(["BoundaryType", "Value", "DisplayName", "ErrorAction"]);
  });

  it("adds missing and removes extra members by ID", async () => {
    const cmds = await commands(boundaryGroupScript(input(), "update"));
    expect(named(cmds, "Add-CMBoundaryToGroup")[0].text).toBe("Add-CMBoundaryToGroup -BoundaryGroupId $groupId -BoundaryId $boundaryId -ErrorAction Stop");
    expect(named(cmds, "Remove-CMBoundaryFromGroup")[0].text).toBe(
      "Remove-CMBoundaryFromGroup -BoundaryGroupId $groupId -BoundaryId $memberId -Force -ErrorAction Stop",
    );
  });

  it("attaches the declared DPs that have a role and detaches other DPs only", () => {
    const script = boundaryGroupScript(CASES["every boundary type, description, two DPs"], "update");
    expect(script).toContain("$wantedSystems = @('dp01.contoso.com', 'dp02.contoso.com')");
    expect(script).toContain("$systemsSet['AddSiteSystemServerName'] = $attach");
    expect(script).toContain("$systemsSet['RemoveSiteSystemServerName'] = $detach");
    expect(script).toContain("Where-Object { $wantedSystems -notcontains $_ } | Where-Object { Test-DistributionPoint $_ }");
    expect(script).toContain("RoleName = 'SMS Distribution Point' AND ServerName = ");
    const old = boundaryGroupScript(CASES["2012 SP1 lab"], "update");
    expect(old).toContain("$systemsSet['AddSiteSystemServerNames'] = $attach");
  });
});

describe("boundaryGroupScript delete", () => {
  it("removes the group, then the library's boundaries that no group uses", async () => {
    const script = boundaryGroupScript(input(), "delete");
    const cmds = await commands(script);
    const group = named(cmds, "Remove-CMBoundaryGroup");
    expect(group).toHaveLength(1);
    expect(group[0].text).toBe("Remove-CMBoundaryGroup -Id ([string]$group.GroupID) -Force -ErrorAction Stop");
    expect(script.indexOf("Remove-CMBoundaryGroup")).toBeLessThan(script.indexOf("$deleted = Clear-OwnedBoundary $candidate"));
    expect(named(cmds, "New-CMBoundaryGroup")).toHaveLength(0);
    expect(named(cmds, "New-CMBoundary")).toHaveLength(1); // only inside the shared helper, never called on delete
    expect(script).not.toMatch(/\n\s+\$boundary = New-OwnedBoundary/);
    expect(script).toContain("if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }");
  });
});
