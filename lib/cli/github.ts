import type { Diagnostic } from "../rules/types";
import { repoRelative } from "./locations";

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), escaped as
 * the runner unescapes them: in the message `%` `\r` `\n`; in a property also `:` and `,`.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** A waived error is a notice: shown, not failing. */
const command = (d: Diagnostic) => (d.waived ? "notice" : d.severity === "error" ? "error" : "warning");

export function githubAnnotation(d: Diagnostic, cwd?: string): string {
  const props: [string, string | number | undefined][] = [
    ["file", repoRelative(d.file, cwd)],
    ["line", d.line],
    ["col", d.column],
    ["title", d.waived ? `${d.rule} (waived)` : d.rule],
  ];
  const properties = props
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  const waived = d.waived ? ` Waived: ${d.waiverReason ?? ""}.` : "";
  const message = `${d.object} ${d.message}. Fix: ${d.fix} (${d.source})${waived}`;
  return `::${command(d)} ${properties}::${escapeData(message)}`;
}

export function renderGithub(diagnostics: readonly Diagnostic[], cwd?: string): string[] {
  return diagnostics.map((d) => githubAnnotation(d, cwd));
}
