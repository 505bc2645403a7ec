import { CATALOG } from "../rules/catalog";
import { SOURCES } from "../rules/sources";
import type { RuleMeta } from "../rules/types";
import { withinOneEdit } from "../rules/within-one-edit";
import { describeRange } from "../topology/version";
import { colorsFor, EXIT_OK, EXIT_USAGE, guarded, OUTPUT_FORMATS, table, writeOutput, type CliIo, type OutputFormat } from "./io";

const waivable = (r: RuleMeta) => (r.structural ? "no" : r.severity === "error" ? "yes" : "—");
const versions = (r: RuleMeta) => (r.versions ? describeRange(r.versions) : "all");

/** One rule as JSON: what `rules --format json` and `explain --format json` print. */
export function ruleJson(r: RuleMeta): Record<string, unknown> {
  return {
    id: r.id,
    severity: r.severity,
    title: r.title,
    ...(r.value !== undefined ? { value: r.value } : {}),
    versions: versions(r),
    waivable: waivable(r) === "yes",
    sources: r.sources.map((k) => ({ ...SOURCES[k] })),
    fix: r.fix,
  };
}

export interface RulesArgs {
  readonly format?: OutputFormat;
  readonly output?: string;
}

/** `pulumi-configmgr rules`: the catalog, one rule a line. */
export function runRules(args: RulesArgs, io: CliIo): number {
  return guarded(io, () => {
    const format = args.format ?? "text";
    if (!OUTPUT_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr rules: unknown format "${format}" (use text or json)\n`);
      return EXIT_USAGE;
    }
    const rules = [...CATALOG.values()];
    const text =
      format === "json"
        ? `${JSON.stringify({ rules: rules.map(ruleJson) }, null, 2)}\n`
        : [
            ...table([["RULE", "SEVERITY", "WAIVABLE", "REQUIREMENT"], ...rules.map((r) => [r.id, r.severity, waivable(r), r.title])]),
            "",
            `${rules.length} rules; \`pulumi-configmgr explain RULE\` tells one in full.`,
          ].join("\n") + "\n";
    return writeOutput(io, "rules", args.output, text) ? EXIT_OK : EXIT_USAGE;
  });
}

/** Finds a rule by id, case-insensitively; else the ids one edit away (or sharing a prefix). */
export function findRule(id: string): { rule?: RuleMeta; suggestions: string[] } {
  const wanted = id.trim().toUpperCase();
  const rule = CATALOG.get(wanted);
  if (rule) return { rule, suggestions: [] };
  const ids = [...CATALOG.keys()];
  const close = ids.filter((k) => withinOneEdit(k, wanted));
  const prefix = wanted.length >= 3 ? ids.filter((k) => k.startsWith(wanted) || k.includes(wanted)) : [];
  return { suggestions: [...new Set([...close, ...prefix])].slice(0, 5) };
}

export interface ExplainArgs {
  readonly rule: string;
  readonly format?: OutputFormat;
  readonly output?: string;
}

/** `pulumi-configmgr explain RULE`: requirement, value, versions, source and fix of one rule. */
export function runExplain(args: ExplainArgs, io: CliIo): number {
  return guarded(io, () => {
    const format = args.format ?? "text";
    if (!OUTPUT_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr explain: unknown format "${format}" (use text or json)\n`);
      return EXIT_USAGE;
    }
    const { rule, suggestions } = findRule(args.rule);
    if (!rule) {
      const hint = suggestions.length > 0 ? `; did you mean ${suggestions.join(", ")}?` : "; `pulumi-configmgr rules` lists them";
      io.stderr.write(`pulumi-configmgr explain: "${args.rule}" is not a rule id${hint}\n`);
      return EXIT_USAGE;
    }
    if (format === "json") return writeOutput(io, "explain", args.output, `${JSON.stringify(ruleJson(rule), null, 2)}\n`) ? EXIT_OK : EXIT_USAGE;
    const c = colorsFor(args.output !== undefined && args.output !== "-" ? { ...io, isTTY: false } : io);
    const sources = rule.sources.map((k) => (SOURCES[k].url.startsWith("http") ? `${SOURCES[k].short}: ${SOURCES[k].url}` : SOURCES[k].url));
    const rows: [string, string][] = [
      ["requirement", rule.title],
      ...(rule.value !== undefined ? ([["value", rule.value]] as [string, string][]) : []),
      ["severity", rule.severity === "error" ? "error (blocks pulumi preview/up; validate exits 1)" : "warning (reported, never blocks)"],
      ["versions", versions(rule)],
      ["waivable", waivable(rule) === "yes" ? `yes: waivers: [{ rule: ${rule.id}, object: <object>, reason: … }]` : rule.structural ? "no (structural)" : "no need (a warning)"],
      ...sources.map((s, i): [string, string] => [i === 0 ? "source" : "", s]),
      ["fix", rule.fix],
    ];
    const width = Math.max(...rows.map(([k]) => k.length));
    const text = [c.bold(rule.id), ...rows.map(([k, v]) => `  ${c.dim(k.padEnd(width))}  ${v}`)].join("\n") + "\n";
    return writeOutput(io, "explain", args.output, text) ? EXIT_OK : EXIT_USAGE;
  });
}
