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

  text(end = true): string {
    const lines = [...this.lines];
    if (end) lines.push(`CONFIGMGR-EXPORT end records=${b64(lines.length + 1)}`);
    return `${lines.join("\r\n")}\r\n`;
  }
}
