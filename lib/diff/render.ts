import { n } from "../rules/format";
import type { Summary } from "../rules/types";
import type { FieldChange, ObjectChange } from "./objects";
import type { CapacityMove, DiagnosticChange, StepChange, TopologyDiff } from "./topology-diff";

/** The diff in the words a reviewer needs: text for a terminal, Markdown for a pull-request comment. */

const value = (v: unknown): string => (v === undefined ? "(absent)" : typeof v === "string" ? v : JSON.stringify(v));
const field = (f: FieldChange) => `${f.path}: ${value(f.before)} → ${value(f.after)}`;
const counts = (s: Summary) => `${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}, ${s.waived} waived`;

const WHY: Record<string, string> = {
  identity: "identity field",
  "install-time": "install-time field: not re-applied to an installed role",
};

function replaceReason(o: ObjectChange): string {
  const why = (o.replacedBy ?? []).map((r) => `${r.field} (${WHY[r.why]})`).join(", ");
  return `${why}${o.deleteBeforeReplace ? "; the old one is deleted first" : "; the new one is created first"}`;
}

const ACTION_WORD: Record<StepChange["action"], string> = { create: "create", update: "update", replace: "replace", delete: "delete" };

function stepLine(s: StepChange, i: number): string {
  return `${i + 1}. ${ACTION_WORD[s.action]} ${s.name} on ${s.host}`;
}

function capacityLine(c: CapacityMove): string {
  const from = c.before === undefined ? "—" : n(c.before);
  const to = c.after === undefined ? "—" : n(c.after);
  return `${c.object} ${c.figure}: ${from} → ${to} of ${n(c.limit)}${c.crosses ? " (over the limit)" : ""}`;
}

function diagnosticLine(d: DiagnosticChange): string {
  const sev = d.waived ? `waived ${d.severity}` : d.severity;
  return `${d.change === "appears" ? "+" : "-"} ${sev} [${d.rule}] ${d.object} ${d.message}`;
}

function isEmpty(d: TopologyDiff): boolean {
  return d.hierarchy.length + d.objects.length + d.steps.length + d.capacity.length + d.diagnostics.length === 0;
}

export function diffText(d: TopologyDiff): string[] {
  const lines = [`Topology diff: ${d.base} → ${d.head}`, ""];
  if (d.incomplete) lines.push(`No object diff: ${d.incomplete}.`, "");
  if (isEmpty(d) && !d.incomplete) lines.push("No change to the hierarchy.", "");
  if (d.hierarchy.length > 0) lines.push("Hierarchy (every object is checked again)", ...d.hierarchy.map((f) => `  ~ ${field(f)}`), "");
  const of = (change: ObjectChange["change"]) => d.objects.filter((o) => o.change === change);
  const section = (title: string, mark: string, items: ObjectChange[], detail: (o: ObjectChange) => string[]) => {
    if (items.length === 0) return;
    lines.push(title);
    for (const o of items) lines.push(`  ${mark} ${o.ref}`, ...detail(o).map((l) => `      ${l}`));
    lines.push("");
  };
  section("Added", "+", of("added"), () => []);
  section("Removed", "-", of("removed"), () => []);
  section("Replaced", "±", of("replaced"), (o) => [`because of ${replaceReason(o)}`, ...o.fields.map(field)]);
  section("Changed (updated in place)", "~", of("updated"), (o) => o.fields.map(field));
  if (d.steps.length > 0) lines.push("Remote steps `pulumi up` would run, in order", ...d.steps.map((s, i) => `  ${stepLine(s, i)}`), "");
  if (d.capacity.length > 0) lines.push("Capacity", ...d.capacity.map((c) => `  ${capacityLine(c)}`), "");
  if (d.diagnostics.length > 0) lines.push("Diagnostics", ...d.diagnostics.map((x) => `  ${diagnosticLine(x)}`), "");
  lines.push(`Before: ${counts(d.summary.base)}. After: ${counts(d.summary.head)}.`);
  return lines;
}

const md = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function diffMarkdown(d: TopologyDiff): string[] {
  const lines = [`### pulumi-configmgr diff`, "", `${code(d.base)} → ${code(d.head)}`, ""];
  if (d.incomplete) lines.push(`> **No object diff:** ${md(d.incomplete)}.`, "");
  if (isEmpty(d) && !d.incomplete) lines.push("No change to the hierarchy.", "");
  const verdict = d.summary.head.errors > 0 ? `:x: ${counts(d.summary.head)}` : `:white_check_mark: ${counts(d.summary.head)}`;
  lines.push(`**After the change:** ${verdict} (before: ${counts(d.summary.base)})`, "");
  if (d.hierarchy.length > 0) {
    lines.push("#### Hierarchy", "", "| field | before | after |", "|---|---|---|");
    for (const f of d.hierarchy) lines.push(`| ${code(f.path)} | ${md(value(f.before))} | ${md(value(f.after))} |`);
    lines.push("");
  }
  if (d.objects.length > 0) {
    lines.push("#### Objects", "", "| object | change | details |", "|---|---|---|");
    for (const o of d.objects) {
      const details = [
        ...(o.change === "replaced" ? [`replaced because of ${md(replaceReason(o))}`] : []),
        ...o.fields.map((f) => `${code(f.path)}: ${md(value(f.before))} → ${md(value(f.after))}`),
      ].join("<br>");
      lines.push(`| ${code(o.ref)} | ${o.change === "updated" ? "updated in place" : o.change} | ${details} |`);
    }
    lines.push("");
  }
  if (d.steps.length > 0) {
    lines.push("#### Remote steps on `pulumi up`, in order", "", "| # | action | step | runs on |", "|---|---|---|---|");
    d.steps.forEach((s, i) => lines.push(`| ${i + 1} | ${s.action} | ${code(s.name)} | ${code(s.host)} |`));
    lines.push("");
  }
  if (d.capacity.length > 0) {
    lines.push("#### Capacity", "", "| object | figure | before | after | limit |", "|---|---|---|---|---|");
    for (const c of d.capacity) {
      const after = c.after === undefined ? "—" : n(c.after);
      lines.push(`| ${code(c.object)} | ${md(c.figure)} | ${c.before === undefined ? "—" : n(c.before)} | ${c.crosses ? `**${after}** (over)` : after} | ${n(c.limit)} |`);
    }
    lines.push("");
  }
  if (d.diagnostics.length > 0) {
    lines.push("#### Diagnostics", "", "| | severity | rule | object | message |", "|---|---|---|---|---|");
    for (const x of d.diagnostics) {
      lines.push(`| ${x.change === "appears" ? "new" : "gone"} | ${x.waived ? `waived ${x.severity}` : x.severity} | ${code(x.rule)} | ${code(x.object)} | ${md(x.message)} |`);
    }
    lines.push("");
  }
  return lines;
}
