import { describeRange } from "../topology/version";
import { CATALOG } from "./catalog";
import { SOURCES } from "./sources";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** The README's rules table, generated from the catalog so that it never drifts from the code. */
export function rulesMarkdownTable(): string {
  const rows = [...CATALOG.values()].map((r) => {
    const versions = "versions" in r && r.versions ? describeRange(r.versions) : "all";
    const sources = r.sources.map((k) => (SOURCES[k].url.startsWith("http") ? `[${SOURCES[k].short}](${SOURCES[k].url})` : SOURCES[k].short));
    const waivable = r.structural ? "no" : r.severity === "error" ? "yes" : "—";
    return `| \`${r.id}\` | ${r.severity} | ${cell(r.title)} | ${cell(r.value ?? "")} | ${versions} | ${waivable} | ${cell(sources.join(", "))} |`;
  });
  return ["| id | severity | rule | value | versions | waivable | source |", "|---|---|---|---|---|---|---|", ...rows].join("\n");
}
