import type { Diagnostic } from "../rules/types";

/**
 * One line per problem for editors' problem matchers:
 * `file:line:col: severity RULE object message`. A waived error reads `info` (and says it is waived);
 * without a position (a file that cannot be read) the line is `file: severity …`.
 */
export function compactLine(d: Diagnostic, fallbackFile = "<topology>"): string {
  const file = d.file ?? fallbackFile;
  const where = d.line === undefined ? file : `${file}:${d.line}:${d.column ?? 1}`;
  const severity = d.waived ? "info" : d.severity;
  const waived = d.waived ? ` (waived: ${d.waiverReason ?? ""})` : "";
  return `${where}: ${severity} ${d.rule} ${d.object} ${d.message.replace(/[\r\n]+/g, " ")}${waived}`;
}

export function renderCompact(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => compactLine(d));
}
