/**
 * Reads what the export script printed: CONFIGMGR-EXPORT records (lib/export/ps1/export-hierarchy.ps1
 * says the format). Other lines (a banner, a PowerShell warning) are ignored; a missing `end`
 * record or a record count that does not match means the output did not arrive whole.
 */
export const EXPORT_PREFIX = "CONFIGMGR-EXPORT";

export interface ExportRow {
  readonly className: string;
  /** The computer whose WMI answered. */
  readonly from: string;
  readonly fields: ReadonlyMap<string, string | undefined>;
  readonly props: readonly { name: string; value?: string; value1?: string; value2?: string }[];
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

export interface ExportNote {
  readonly object: string;
  readonly text: string;
}

export interface ExportRecords {
  readonly provider: { readonly server: string; readonly site: string };
  readonly rows: readonly ExportRow[];
  readonly notes: readonly ExportNote[];
}

export class ExportFormatError extends Error {}

function decode(value: string, line: number): string | undefined {
  if (value === "-") return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new ExportFormatError(`line ${line}: a value is not base64 (${value.slice(0, 20)}…)`);
  return Buffer.from(value, "base64").toString("utf8");
}

export function parseExport(text: string): ExportRecords {
  const failure = /^CONFIGMGR-RESULT step=export status=failed detail=(.*)$/m.exec(text);
  if (failure) throw new ExportFormatError(`the export script failed on the site server: ${failure[1].trim()}`);
  let provider: ExportRecords["provider"] | undefined;
  const rows: ExportRow[] = [];
  const notes: ExportNote[] = [];
  let current: { props: ExportRow["props"][number][]; lists: Map<string, string[]> } | undefined;
  let count = 0;
  let end: number | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith(`${EXPORT_PREFIX} `)) return;
    if (end !== undefined) throw new ExportFormatError(`line ${index + 1}: a record after the end record`);
    count += 1;
    const [, kind, ...parts] = line.split(/\s+/);
    const pairs: [string, string | undefined][] = parts.map((p) => {
      const eq = p.indexOf("=");
      if (eq <= 0) throw new ExportFormatError(`line ${index + 1}: "${p.slice(0, 30)}" is not name=value`);
      return [p.slice(0, eq), decode(p.slice(eq + 1), index + 1)];
    });
    const one = (name: string) => pairs.find(([n]) => n === name)?.[1];
    switch (kind) {
      case "provider":
        provider = { server: one("server") ?? "", site: one("site") ?? "" };
        break;
      case "row": {
        const fields = new Map(pairs.filter(([n]) => n !== "class" && n !== "from"));
        current = { props: [], lists: new Map() };
        rows.push({ className: one("class") ?? "", from: one("from") ?? "", fields, props: current.props, lists: current.lists });
        break;
      }
      case "prop":
        if (!current) throw new ExportFormatError(`line ${index + 1}: a property record before any row`);
        current.props.push({ name: one("name") ?? "", value: one("value"), value1: one("value1"), value2: one("value2") });
        break;
      case "list":
        if (!current) throw new ExportFormatError(`line ${index + 1}: a property list before any row`);
        current.lists.set(
          one("name") ?? "",
          pairs.filter(([n]) => n === "value").map(([, v]) => v ?? ""),
        );
        break;
      case "note":
        notes.push({ object: one("object") ?? "hierarchy", text: one("text") ?? "" });
        break;
      case "end":
        end = Number(one("records"));
        break;
      default:
        throw new ExportFormatError(`line ${index + 1}: unknown record kind "${kind}"`);
    }
  });
  if (end === undefined) throw new ExportFormatError("the export output has no end record: it did not arrive whole (run the export again)");
  if (end !== count) throw new ExportFormatError(`the export output has ${count} records but its end record counts ${end}: it did not arrive whole`);
  if (!provider) throw new ExportFormatError("the export output names no SMS Provider (no provider record)");
  return { provider, rows, notes };
}
