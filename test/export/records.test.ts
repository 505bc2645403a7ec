import { describe, expect, it } from "vitest";
import { ExportFormatError, parseExport } from "../../lib/export/records";
import { ExportOutput } from "./export-output";

describe("reading the export script's output", () => {
  const sample = () =>
    new ExportOutput()
      .provider("cm01.lab.local", "P01")
      .row("SMS_SCI_SysResUse", "cm01.lab.local", { RoleName: "SMS Distribution Point", SiteCode: "P01", NetworkOSPath: "\\\\win701.lab.local" })
      .prop("MinFreeSpace", 50)
      .list("SourceDistributionPoints", ["a", "b"]);

  it("decodes every value, keeps embedded properties and lists with their row, and takes CRLF output", () => {
    const records = parseExport(`Windows PowerShell banner\r\n${sample().text()}`);
    expect(records.provider).toEqual({ server: "cm01.lab.local", site: "P01" });
    expect(records.rows).toHaveLength(1);
    expect(records.rows[0].fields.get("NetworkOSPath")).toBe("\\\\win701.lab.local");
    expect(records.rows[0].props).toEqual([{ name: "MinFreeSpace", value: "50", value1: undefined, value2: undefined }]);
    expect(records.rows[0].lists.get("SourceDistributionPoints")).toEqual(["a", "b"]);
  });

  it("keeps non-ASCII values and values with spaces and equals signs unchanged", () => {
    const text = new ExportOutput().provider("cm01.lab.local", "P01").row("SMS_BoundaryGroup", "cm01.lab.local", { Name: "Zürich = HQ; 'x'" }).text();
    expect(parseExport(text).rows[0].fields.get("Name")).toBe("Zürich = HQ; 'x'");
  });

  it("refuses output that did not arrive whole: no end record, or a count that does not match", () => {
    expect(() => parseExport(sample().text(false))).toThrow(/no end record: it did not arrive whole/);
    const cut = sample().text().split("\r\n").filter((l) => !l.includes(" prop ")).join("\n");
    expect(() => parseExport(cut)).toThrow(/4 records but its end record counts 5/);
  });

  it("reports the script's own failure line instead of an empty hierarchy", () => {
    expect(() => parseExport("CONFIGMGR-RESULT step=export status=failed detail=Access denied (smsprov.log …)\n")).toThrow(
      /the export script failed on the site server: Access denied/,
    );
  });

  it("refuses a value that is not base64 with the line it is on", () => {
    expect(() => parseExport("CONFIGMGR-EXPORT provider server=%%% site=-\n")).toThrow(ExportFormatError);
    expect(() => parseExport("CONFIGMGR-EXPORT provider server=%%% site=-\n")).toThrow(/line 1/);
  });
});
