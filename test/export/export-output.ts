/**
 * Builds export output in the record format of lib/export/ps1/export-hierarchy.ps1, for the
 * reader's unit tests (the script itself runs against the lab double in export-double.test.ts).
 */
const b64 = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? "-" : Buffer.from(typeof v === "boolean" ? (v ? "true" : "false") : String(v), "utf8").toString("base64");

export class ExportOutput {
  private readonly lines: string[] = [];

  record(kind: string, fields: readonly (readonly [string, string | number | boolean | null | undefined])[]): this {
    this.lines.push(["CONFIGMGR-EXPORT", kind, ...fields.map(([k, v]) => `${k}=${b64(v)}`)].join(" "));
    return this;
  }

  provider(server: string, site: string): this {
    return this.record("provider", [["server", server], ["site", site]]);
  }

  row(cls: string, from: string, fields: Record<string, string | number | boolean | null | undefined>): this {
    return this.record("row", [["class", cls], ["from", from], ...Object.entries(fields)]);
  }

  prop(name: string, value?: string | number, value1?: string, value2?: string): this {
    return this.record("prop", [["name", name], ["value", value], ["value1", value1], ["value2", value2]]);
  }

  list(name: string, values: readonly string[]): this {
    return this.record("list", [["name", name], ...values.map((v) => ["value", v] as const)]);
  }

  apply(f?: (o: ExportOutput) => ExportOutput): this {
    if (f) f(this);
    return this;
  }

  text(end = true): string {
    const lines = [...this.lines];
    if (end) lines.push(`CONFIGMGR-EXPORT end records=${b64(lines.length + 1)}`);
    return `${lines.join("\r\n")}\r\n`;
  }
}

/** What the export script prints for the seed's lab (2012 SP1, WIN701 on Windows 7 Enterprise x64). */
export function labOutput(overrides: { build?: number; os?: Record<string, string | number>; description?: string; extra?: (o: ExportOutput) => ExportOutput } = {}): string {
  const nal = '["Display=\\\\win701.lab.local\\"]MSWNET:["SMS_SITE=P01"]\\\\win701.lab.local\\';
  return new ExportOutput()
    .provider("cm01.lab.local", "P01")
    .row("SMS_Site", "cm01.lab.local", { SiteCode: "P01", SiteName: "Lab primary site", ServerName: "CM01.lab.local", Type: 2, ReportingSiteCode: "", Version: `5.00.${overrides.build ?? 7804}.1000`, BuildNumber: overrides.build ?? 7804 })
    .row("SMS_SCI_SysResUse", "cm01.lab.local", { RoleName: "SMS Site System", SiteCode: "P01", NetworkOSPath: "\\\\WIN701.lab.local", NALPath: nal })
    .prop("UseProxy", 0)
    .row("SMS_SCI_SysResUse", "cm01.lab.local", { RoleName: "SMS Distribution Point", SiteCode: "P01", NetworkOSPath: "\\\\WIN701.lab.local", NALPath: nal })
    .prop("AvailableContentLibDrivesList", 0, "C")
    .prop("AvailablePkgShareDrivesList", 0, "C")
    .prop("MinFreeSpace", 50)
    .prop("DPMonEnabled", 1)
    .row("SMS_DistributionPointInfo", "cm01.lab.local", { ServerName: "WIN701.lab.local", SiteCode: "P01", NALPath: nal, IsPullDP: false, IsPXE: false, IsActive: false, IsMulticast: false, Communication: 0, Description: overrides.description ?? "Windows 7 workstation as distribution point (lab)" })
    .row("SMS_BoundaryGroup", "cm01.lab.local", { GroupID: 1, Name: "Lab HQ", Description: "", DefaultSiteCode: "P01" })
    .row("SMS_Boundary", "cm01.lab.local", { BoundaryID: 7, BoundaryType: 0, Value: "192.168.1.0", DisplayName: "pulumi-configmgr: 192.168.1.0/24" })
    .row("SMS_BoundaryGroupMembers", "cm01.lab.local", { GroupID: 1, BoundaryID: 7 })
    .apply(overrides.extra)
    .row("SMS_BoundaryGroupSiteSystems", "cm01.lab.local", { GroupID: 1, ServerNALPath: nal, SiteCode: "P01" })
    .row("Win32_OperatingSystem", "win701.lab.local", { Caption: "Microsoft Windows 7 Enterprise ", Version: "6.1.7601", ProductType: 1, OSArchitecture: "64-bit", ...overrides.os })
    .row("Win32_ComputerSystem", "win701.lab.local", { Domain: "lab.local", TotalPhysicalMemory: 8 * 2 ** 30 })
    .row("Win32_Processor", "win701.lab.local", { NumberOfCores: 2 })
    .row("Win32_LogicalDisk", "win701.lab.local", { DeviceID: "C:", DriveType: 3, FreeSpace: 90 * 2 ** 30 + 5 })
    .row("Win32_LogicalDisk", "win701.lab.local", { DeviceID: "D:", DriveType: 5, FreeSpace: 0 })
    .text();
}

