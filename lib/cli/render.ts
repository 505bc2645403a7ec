import { n } from "../rules/format";
import type { Diagnostic, Summary } from "../rules/types";
import type { Colors } from "./io";

/** The diagnostics of one file (or of one in-memory document when `file` is absent). */
export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The file could not be read or is not well-formed YAML/JSON. */
  readonly unreadable?: boolean;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** `2 errors, 1 warning, 0 waived`: the last line of validate and plan. */
export function summaryLine(summary: Summary, c?: Colors): string {
  const errors = plural(summary.errors, "error");
  const warnings = plural(summary.warnings, "warning");
  const waived = `${summary.waived} waived`;
  if (!c) return `${errors}, ${warnings}, ${waived}`;
  return [
    summary.errors > 0 ? c.bold(c.red(errors)) : c.green(errors),
    summary.warnings > 0 ? c.yellow(warnings) : warnings,
    summary.waived > 0 ? c.cyan(waived) : waived,
  ].join(", ");
}

/** `file:line:column` as far as it is known. */
export function location(d: Pick<Diagnostic, "file" | "line" | "column">, fallbackFile?: string): string | undefined {
  const file = d.file ?? fallbackFile;
  if (file === undefined) return d.line === undefined ? undefined : `line ${d.line}:${d.column ?? 1}`;
  return d.line === undefined ? file : `${file}:${d.line}:${d.column ?? 1}`;
}

const rank = (d: Diagnostic) => (d.waived ? 2 : d.severity === "error" ? 0 : 1);

/** Groups by object, in document order (the first line each object is reported at). */
function groupByObject(diagnostics: readonly Diagnostic[]): [string, Diagnostic[]][] {
  const groups = new Map<string, { first: number; line: number; items: Diagnostic[] }>();
  diagnostics.forEach((d, i) => {
    let g = groups.get(d.object);
    if (!g) groups.set(d.object, (g = { first: i, line: Infinity, items: [] }));
    g.items.push(d);
    if (d.line !== undefined) g.line = Math.min(g.line, d.line);
  });
  return [...groups.entries()]
    .sort(([, a], [, b]) => (a.line === b.line ? a.first - b.first : a.line - b.line))
    .map(([object, g]) => [object, g.items.sort((a, b) => rank(a) - rank(b))]);
}

function limitText(d: Diagnostic): string {
  const parts = [];
  if (d.limit !== undefined) parts.push(`limit ${n(d.limit)}`);
  if (d.actual !== undefined) parts.push(`found ${n(d.actual)}`);
  return parts.length ? ` (${parts.join(", ")})` : "";
}

/**
 * Text for people: per file, per object, one block per diagnostic — severity, rule id,
 * message with limit and value found, then where, the fix and the source.
 */
export function renderText(results: readonly FileResult[], c: Colors): string[] {
  const lines: string[] = [];
  for (const result of results) {
    if (result.unreadable) {
      // The reason also went to stderr as file:line:column: message; the report names it too,
      // at YAML's (or JSON's) own position, so a log of stdout alone says where to look.
      const why = result.diagnostics[0];
      const at = why?.line !== undefined ? `:${why.line}${why.column !== undefined ? `:${why.column}` : ""}` : "";
      lines.push(`${c.bold(result.file + at)}: ${c.red(`not checked: ${why?.message ?? "the file cannot be read or parsed"}`)}`, "");
      continue;
    }
    if (result.diagnostics.length === 0) {
      lines.push(`${c.bold(result.file)}: ${c.green("no problems found")}`, "");
      continue;
    }
    lines.push(c.bold(c.underline(result.file)));
    for (const [object, items] of groupByObject(result.diagnostics)) {
      lines.push(`  ${c.bold(object)}`);
      const label = (d: Diagnostic) => (d.waived ? "waived" : d.severity);
      const width = Math.max(...items.map((d) => label(d).length));
      const indent = " ".repeat(4 + width + 2);
      for (const d of items) {
        const sev = label(d);
        const pad = " ".repeat(width - sev.length + 2);
        const severity = d.waived ? c.cyan(sev) : d.severity === "error" ? c.bold(c.red(sev)) : c.yellow(sev);
        lines.push(`    ${severity}${pad}${c.bold(`[${d.rule}]`)} ${d.message}${limitText(d)}`);
        const where = location(d, result.file);
        if (where !== undefined || d.path !== "") {
          lines.push(`${indent}${c.dim("at")} ${[where, d.path !== "" ? c.dim(d.path) : undefined].filter(Boolean).join("  ")}`);
        }
        if (d.waived) lines.push(`${indent}${c.cyan("waived:")} ${d.waiverReason ?? ""} ${c.dim(`(${d.severity}, not counted)`)}`);
        lines.push(`${indent}${c.dim("fix:")} ${d.fix}`);
        lines.push(`${indent}${c.dim("source:")} ${d.source}`);
      }
    }
    lines.push("");
  }
  return lines;
}

/** The JSON shape of `validate --format json` for one diagnostic, keys in a stable order. */
export function diagnosticJson(d: Diagnostic, file?: string): Record<string, unknown> {
  return {
    rule: d.rule,
    severity: d.severity,
    object: d.object,
    path: d.path,
    message: d.message,
    ...(d.limit !== undefined ? { limit: d.limit } : {}),
    ...(d.actual !== undefined ? { actual: d.actual } : {}),
    source: d.source,
    fix: d.fix,
    waived: d.waived,
    ...(d.waiverReason !== undefined ? { waiverReason: d.waiverReason } : {}),
    ...(d.file ?? file) !== undefined ? { file: d.file ?? file } : {},
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
  };
}
