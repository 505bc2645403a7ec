import { n } from "../rules/format";
import { capacityReport, type CapacityReport, type Usage } from "../report/capacity";
import { DP_CLIENTS_MAX } from "../rules/dp-clients-max";
import { DP_CONTENT_MAX } from "../rules/dp-content-max";
import { DP_PER_PRIMARY_TREE_MAX } from "../rules/dp-per-primary-tree-max";
import { DP_PER_SITE_MAX } from "../rules/dp-per-site-max";
import { PRIMARY_SECONDARY_MAX } from "../rules/primary-secondary-max";
import { PULLDP_PER_SITE_MAX } from "../rules/pulldp-per-site-max";
import { colorsFor, displayName, EXIT_INVALID, EXIT_OK, EXIT_USAGE, guarded, OUTPUT_FORMATS, table, validateFileOrReport, writeOutput, type CliIo, type OutputFormat } from "./io";
import { diagnosticJson, renderText, summaryLine } from "./render";
import { toFile, withMaxWarnings } from "./validate";

export interface PlanArgs {
  readonly file: string;
  readonly format?: OutputFormat;
  /** `-o/--output`: a file instead of stdout (`-` is stdout). */
  readonly output?: string;
  readonly maxWarnings?: number;
}

const OVER = "!";
const DASH = "—";
const mark = (u: Usage) => (u.over ? OVER : "");
const ofLimit = (u: Usage) => `${n(u.used)}/${n(u.limit)}${mark(u)}`;
const headroom = (u: Usage) => `${n(u.headroom)} (${u.headroomPercent}%)${mark(u)}`;

/** Aligned plain-text tables: hierarchy, sites, distribution points. */
export function planText(report: CapacityReport): string[] {
  const { hierarchy: h } = report;
  const lines: string[] = [];
  const title = [`ConfigMgr ${h.version ?? "(unknown version)"}`, h.cas ? `CAS ${h.cas}` : "no CAS"].join(", ");
  lines.push(`Hierarchy (${title})`);
  const facts: string[][] = [];
  facts.push(["primary sites", h.primariesUnderCas ? ofLimit(h.primariesUnderCas) : n(h.primarySites), h.primariesUnderCas ? `headroom ${headroom(h.primariesUnderCas)}` : ""]);
  facts.push(["secondary sites", n(h.secondarySites), ""]);
  facts.push(["distribution points", n(h.distributionPoints), `(${n(h.pullDistributionPoints)} pull)`]);
  if (h.clients) facts.push(["clients of the primaries", ofLimit(h.clients), `headroom ${headroom(h.clients)}`]);
  lines.push(...table(facts, new Set([1])).map((l) => `  ${l}`), "");

  lines.push("Sites");
  const siteRows: string[][] = [
    ["Site", "Kind", "Parent", "Standard DPs", "Pull DPs", "DPs in tree", "Secondaries", "Clients"],
    ["", "", "", `of ${n(DP_PER_SITE_MAX)}`, `of ${n(PULLDP_PER_SITE_MAX)}`, `of ${n(DP_PER_PRIMARY_TREE_MAX)}`, `of ${n(PRIMARY_SECONDARY_MAX)}`, "of site limit"],
  ];
  for (const s of report.sites) {
    const clients = s.clients ? ofLimit(s.clients) : s.clientsLimit !== undefined ? `${DASH}/${n(s.clientsLimit)}` : DASH;
    siteRows.push([
      s.code,
      s.kind,
      s.parent ?? (s.kind === "primary" && h.cas ? h.cas : DASH),
      ofLimit(s.standardDps),
      ofLimit(s.pullDps),
      s.treeDps ? ofLimit(s.treeDps) : DASH,
      s.secondaries ? ofLimit(s.secondaries) : DASH,
      clients,
    ]);
  }
  lines.push(...table(siteRows, new Set([3, 4, 5, 6, 7])).map((l) => `  ${l}`), "");

  lines.push("Distribution points");
  const dpRows: string[][] = [
    ["DP", "Site", "Type", "Client OS", "Clients", "Headroom", "HW max", "Headroom", "Content", "Headroom"],
    ["", "", "", "(of 20)", "", `of ${n(DP_CLIENTS_MAX)}`, "(secondary)", "of HW max", "", `of ${n(DP_CONTENT_MAX)}`],
  ];
  for (const d of report.distributionPoints) {
    dpRows.push([
      d.server,
      d.site,
      d.pull ? "pull" : "standard",
      d.clientOsConnections ? `yes ${ofLimit(d.clientOsConnections)}` : "no",
      n(d.clients.used),
      headroom(d.clients),
      d.secondaryHardware ? n(d.secondaryHardware.limit) : DASH,
      d.secondaryHardware ? headroom(d.secondaryHardware) : DASH,
      d.content ? n(d.content.used) : DASH,
      d.content ? headroom(d.content) : DASH,
    ]);
  }
  if (report.distributionPoints.length === 0) dpRows.push(["(none)"]);
  lines.push(...table(dpRows, new Set([4, 5, 6, 7, 8, 9])).map((l) => `  ${l}`), "");
  const anyOver =
    [h.primariesUnderCas, h.clients].some((u) => u?.over) ||
    report.sites.some((s) => [s.standardDps, s.pullDps, s.treeDps, s.secondaries, s.clients].some((u) => u?.over)) ||
    report.distributionPoints.some((d) => [d.clients, d.secondaryHardware, d.clientOsConnections, d.content].some((u) => u?.over));
  if (anyOver) lines.push(`${OVER} over the limit (see \`pulumi-configmgr validate\`)`);
  return lines;
}

/**
 * `pulumi-configmgr plan <file>`: how much of each limit the hierarchy uses. Exit codes as
 * validate: 0, 1 when a rule fails unwaived (the plan is still printed) or the document has no
 * usable shape, 2 when it cannot be read or the output cannot be written.
 */
export function runPlan(args: PlanArgs, io: CliIo): number {
  return guarded(io, () => {
    const format = args.format ?? "text";
    if (!OUTPUT_FORMATS.includes(format)) {
      io.stderr.write(`pulumi-configmgr plan: unknown format "${format}" (use text or json)\n`);
      return EXIT_USAGE;
    }
    const validation = validateFileOrReport(args.file, io);
    if (!validation) return EXIT_USAGE;
    const file = displayName(args.file);
    const c = colorsFor(toFile(args.output) ? { ...io, isTTY: false } : io);
    const write = (text: string) => writeOutput(io, "plan", args.output, text);
    if (!validation.model) {
      let text: string;
      if (format === "json") {
        const diagnostics = validation.diagnostics.map((d) => diagnosticJson(d, file));
        text = `${JSON.stringify({ diagnostics, summary: validation.summary }, null, 2)}\n`;
      } else {
        const lines = renderText([{ file, diagnostics: validation.diagnostics }], c);
        text = [...lines, `no plan: the document does not have the topology format's shape`, summaryLine(validation.summary, c)].join("\n") + "\n";
      }
      return write(text) ? EXIT_INVALID : EXIT_USAGE;
    }
    const report = capacityReport(validation.model);
    const text =
      format === "json"
        ? `${JSON.stringify({ file, ...report, summary: validation.summary }, null, 2)}\n`
        : [...planText(report), summaryLine(validation.summary, c)].join("\n") + "\n";
    if (!write(text)) return EXIT_USAGE;
    return withMaxWarnings(validation.summary.errors > 0 ? EXIT_INVALID : EXIT_OK, validation.summary, args.maxWarnings, "plan", io);
  });
}
