import { CATALOG } from "../rules/catalog";
import { OS_MATRIX } from "../rules/data/os-matrix";
import { n, plural } from "../rules/format";
import type { Diagnostic, Summary } from "../rules/types";
import type { TopologyModel } from "../topology/model";
import { capacityReport, type CapacityReport, type DpCapacity, type SiteCapacity, type Usage } from "./capacity";
import { renderDiagram, type Diagram } from "./diagram";
import { esc } from "./escape";
import {
  hierarchyLimits,
  objectStatuses,
  OVER_FROM,
  ratioLevel,
  ratioOf,
  TIGHT_FROM,
  type LimitUse,
  type Status,
  type Statuses,
} from "./status";
import { CSS } from "./style";

/**
 * `pulumi-configmgr report`: one self-contained HTML page (inline CSS and SVG; no script, no
 * font, no image, no request) with the hierarchy drawn and coloured by headroom, a bar for
 * each limit, and the diagnostics. A Content-Security-Policy forbids loading anything, so
 * even a document string that slipped past escaping could not run or fetch.
 */

export interface ReportInput {
  /** The topology file, as the user named it (shown in the title). */
  readonly file?: string;
  /** Absent when the document does not have the format's shape: the page then lists the diagnostics only. */
  readonly model?: TopologyModel;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: Summary;
  /** The pulumi-configmgr version that made the page (shown in the header). */
  readonly toolVersion?: string;
  /** When the page was made (shown in the header, UTC). */
  readonly generatedAt?: Date;
}

/** Tables longer than this show the rows closest to a limit (and say so). */
export const TABLE_MAX_ROWS = 500;
export const DIAGNOSTICS_MAX = 1000;
const CLOSEST = 8;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function summaryText(s: Summary): string {
  return `${plural(s.errors, "error")}, ${plural(s.warnings, "warning")}, ${n(s.waived)} waived`;
}

/** Headroom in words: `headroom 3,982 (99.5%)` or `over by 40`. */
export function headroomText(u: Usage): string {
  return u.over ? `over by ${n(-u.headroom)}` : `headroom ${n(u.headroom)} (${u.headroomPercent}%)`;
}

/** A bar: the share of the limit used, its numbers, and the headroom written under it (readable in print, no hovering). */
export function bar(key: string, u: Usage, object?: string): string {
  const ratio = ratioOf(u);
  const level = ratioLevel(ratio);
  const width = Math.min(100, Math.round(ratio * 1000) / 10);
  const obj = object !== undefined ? ` data-object="${esc(object)}"` : "";
  return (
    `<div class="bar l-${level}" data-limit="${esc(key)}"${obj}>` +
    `<div class="track"><div class="fill${u.used === 0 ? " zero" : ""}" style="width:${width}%"></div></div>` +
    `<span class="num">${n(u.used)} / ${n(u.limit)}${u.over ? " !" : ""}</span>` +
    `<span class="hr">${esc(headroomText(u))}</span></div>`
  );
}

/** A name that must stay on one line (FQDNs and group names break at hyphens otherwise). */
const nb = (name: string) => `<span class="nb">${esc(name)}</span>`;

/** `2026-12-02 01:15 UTC` */
const utc = (d: Date) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 16)} UTC`;

const DASH = `<span class="where">—</span>`;
const cellBar = (key: string, u: Usage | undefined, object: string) => `<td>${u ? bar(key, u, object) : DASH}</td>`;

function header(input: ReportInput, report?: CapacityReport): string {
  const { summary } = input;
  const verdict = summary.errors > 0 ? "v-bad" : summary.warnings > 0 ? "v-warn" : "v-ok";
  const facts: string[] = [];
  if (report) {
    const h = report.hierarchy;
    const groups = input.model!.groups.length;
    facts.push(
      `ConfigMgr ${esc(h.version ?? "(unknown version)")}`,
      h.cas ? `CAS ${esc(h.cas)}` : "no CAS",
      plural(h.primarySites, "primary site"),
      plural(h.secondarySites, "secondary site"),
      `${plural(h.distributionPoints, "distribution point")} (${n(h.pullDistributionPoints)} pull)`,
      plural(groups, "boundary group"),
    );
  }
  const file = input.file !== undefined ? `<span class="file">${esc(input.file)}</span>` : "";
  const limits = report ? hierarchyLimits(report.hierarchy) : [];
  const hierarchyBars = limits.length
    ? `<div class="closest" id="hierarchy-limits">${limits.map((l) => `<span class="obj">hierarchy</span><span class="what">${esc(l.label)}</span>${bar(l.key, l.usage, "hierarchy")}`).join("")}</div>`
    : "";
  return (
    `<header><h1>Capacity report${file}</h1>` +
    (facts.length ? `<p class="facts">${facts.join(" · ")}</p>` : "") +
    (input.toolVersion !== undefined || input.generatedAt !== undefined
      ? `<p class="facts" id="made">${[input.toolVersion !== undefined ? `pulumi-configmgr ${esc(input.toolVersion)}` : "", input.generatedAt ? `made ${utc(input.generatedAt)}` : ""].filter(Boolean).join(" · ")}</p>`
      : "") +
    `<p class="verdict ${verdict}" id="verdict">${summaryText(summary)}</p>` +
    hierarchyBars +
    `</header>`
  );
}

interface Candidate {
  readonly object: string;
  readonly limit: LimitUse;
  readonly ratio: number;
}

/** The few objects with the least headroom anywhere in the hierarchy, each by its tightest limit (one pass, a small sorted list). */
function closest(statuses: Statuses): Candidate[] {
  const top: Candidate[] = [];
  const offer = (object: string, status: Status) => {
    const limit = status.tightest;
    if (!limit) return;
    const ratio = status.ratio;
    if (top.length === CLOSEST && ratio <= top[CLOSEST - 1].ratio) return;
    let i = top.length;
    while (i > 0 && top[i - 1].ratio < ratio) i--;
    top.splice(i, 0, { object, limit, ratio });
    if (top.length > CLOSEST) top.pop();
  };
  for (const [site, { status }] of statuses.sites) offer(site.ref, status);
  statuses.dps.forEach((status, i) => offer(statuses.dpRefs[i], status));
  return top;
}

function closestSection(statuses: Statuses): string {
  const rows = closest(statuses)
    .map((c) => `<span class="obj" data-object="${esc(c.object)}">${nb(c.object)}</span><span class="what">${esc(c.limit.label)}</span>${bar(c.limit.key, c.limit.usage, c.object)}`)
    .join("");
  return `<section id="closest"><h2>Closest to a limit</h2><p class="facts">The sites and distribution points with the least headroom, each by its tightest limit.</p><div class="closest">${rows}</div></section>`;
}

function legend(): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    `<div class="legend">` +
    `<span><span class="sw l-ok"></span>below ${pct(TIGHT_FROM)} of the tightest limit used</span>` +
    `<span><span class="sw l-tight"></span>${pct(TIGHT_FROM)}–${pct(OVER_FROM)}, or an unwaived warning</span>` +
    `<span><span class="sw l-over"></span>${pct(OVER_FROM)} or more, or an unwaived error</span>` +
    `<span><span class="sw dashed"></span>pull DP (or an unresolved name)</span>` +
    `<span>the % in a box: share of its tightest limit in use · rounded boxes: boundary groups · PXE, MC: PXE and multicast on · arrows: a pull DP's sources (rank 1 solid) · the tables below give every figure</span>` +
    `</div>`
  );
}

function diagramSection(diagram: Diagram): string {
  return (
    `<section id="hierarchy" data-mode="${diagram.mode}"><h2>Hierarchy</h2>` +
    (diagram.note ? `<p class="note" id="diagram-note">${esc(diagram.note)}</p>` : "") +
    legend() +
    `<div class="scroll">${diagram.svg}</div></section>`
  );
}

/** All rows, or the `max` with the least headroom (sorted so), with a note. */
function bounded<T>(rows: readonly T[], ratio: (row: T, i: number) => number, what: string): { rows: T[]; note: string } {
  if (rows.length <= TABLE_MAX_ROWS) return { rows: [...rows], note: "" };
  const picked = rows
    .map((row, i) => ({ row, r: ratio(row, i) }))
    .sort((a, b) => b.r - a.r)
    .slice(0, TABLE_MAX_ROWS)
    .map((x) => x.row);
  return { rows: picked, note: `<p class="note">Showing the ${n(TABLE_MAX_ROWS)} ${what} closest to a limit, of ${n(rows.length)}.</p>` };
}

function sitesSection(report: CapacityReport, statuses: Statuses): string {
  const entries = [...statuses.sites.values()];
  const { rows, note } = bounded(entries, (e) => e.status.ratio, "sites");
  const head =
    `<tr><th>Site</th><th>Kind</th><th>Parent</th>` +
    `<th>Standard DPs<small>of 250 per site</small></th><th>Pull DPs<small>of 2,000 per site</small></th>` +
    `<th>DPs in tree<small>of 5,000 per primary</small></th><th>Secondaries<small>of 250 per primary</small></th>` +
    `<th>Clients<small>of the site's limit</small></th></tr>`;
  const body = rows
    .map(({ capacity: s, status }: { capacity: SiteCapacity; status: Status }) => {
      const parent = s.parent ?? (s.kind === "primary" && report.hierarchy.cas ? report.hierarchy.cas : "—");
      const clients = s.clients
        ? cellBar("site-clients", s.clients, s.ref)
        : `<td>${s.clientsLimit !== undefined ? `<span class="where">none declared (limit ${n(s.clientsLimit)})</span>` : DASH}</td>`;
      return (
        `<tr class="l-${status.level}" data-ref="${esc(s.ref)}"><td class="name">${nb(s.code)}</td><td>${s.kind}</td><td class="name">${nb(parent)}</td>` +
        cellBar("standard-dps", s.standardDps, s.ref) +
        cellBar("pull-dps", s.pullDps, s.ref) +
        cellBar("tree-dps", s.treeDps, s.ref) +
        cellBar("secondaries", s.secondaries, s.ref) +
        clients +
        `</tr>`
      );
    })
    .join("");
  return `<section id="sites"><h2>Sites</h2>${note}<table><thead>${head}</thead><tbody>${body || `<tr><td colspan="8">(none)</td></tr>`}</tbody></table></section>`;
}

function dpsSection(model: TopologyModel, report: CapacityReport, statuses: Statuses): string {
  const indexed = report.distributionPoints.map((d, i) => ({ d, i }));
  const { rows, note } = bounded(indexed, (x) => statuses.dps[x.i].ratio, "distribution points");
  const head =
    `<tr><th>Distribution point</th><th>Site</th><th>Type</th><th>OS</th>` +
    `<th>Clients<small>of 4,000 per DP</small></th><th>Connections<small>of 20 on client Windows</small></th><th>Clients<small>of the secondary's hardware</small></th>` +
    `<th>Packages + applications<small>of 10,000 per DP</small></th><th>Content size, GB<small>of the drives' free space above the reserve</small></th><th>Boundary groups</th></tr>`;
  const body = rows
    .map(({ d, i }: { d: DpCapacity; i: number }) => {
      const node = model.dps[i];
      const os = OS_MATRIX[d.os as keyof typeof OS_MATRIX]?.label ?? d.os;
      const sources = node.doc.pull ? [...node.doc.pull.sources].sort((a, b) => a.rank - b.rank) : [];
      const type = [
        d.pull ? "pull" : "standard",
        ...(d.pxe ? [`<span class="tag" data-marker="pxe">PXE</span>`] : []),
        ...(d.multicast ? [`<span class="tag" data-marker="multicast">multicast</span>`] : []),
      ].join(" ");
      const pullFrom = sources.length ? `<br><span class="where">pulls from ${sources.map((s) => `${nb(s.server)} (rank ${n(s.rank)})`).join(", ")}</span>` : "";
      const groups = node.doc.boundaryGroups.map((g) => nb(g)).join(", ");
      const disk = d.disk
        ? cellBar("disk", d.disk, d.ref)
        : `<td><span class="where">${node.doc.content?.sizeGB === undefined ? "no content.sizeGB" : "no disks declared"}</span></td>`;
      return (
        `<tr class="l-${statuses.dps[i].level}" data-ref="${esc(d.ref)}"><td class="name">${nb(d.server)}</td><td class="name">${nb(d.site)}</td>` +
        `<td>${type}${pullFrom}</td><td>${esc(os)}</td>` +
        cellBar("dp-clients", d.clients, d.ref) +
        (d.clientOsConnections ? cellBar("client-os-connections", d.clientOsConnections, d.ref) : `<td><span class="where">server OS: no such limit</span></td>`) +
        cellBar("dp-clients-hw", d.secondaryHardware, d.ref) +
        (d.content ? cellBar("content", d.content, d.ref) : `<td><span class="where">none declared</span></td>`) +
        disk +
        `<td>${groups || DASH}</td></tr>`
      );
    })
    .join("");
  return `<section id="dps"><h2>Distribution points</h2>${note}<div class="table-scroll"><table><thead>${head}</thead><tbody>${body || `<tr><td colspan="10">(none)</td></tr>`}</tbody></table></div></section>`;
}

/** What the diagram's group chips say on hover, written out: clients, site, the DPs that share them. */
function groupsSection(model: TopologyModel, statuses: Statuses): string {
  if (model.groups.length === 0) return "";
  const shown = model.groups.slice(0, TABLE_MAX_ROWS);
  const note = model.groups.length > shown.length ? `<p class="note">Showing the first ${n(shown.length)} of ${n(model.groups.length)} boundary groups.</p>` : "";
  const head = `<tr><th>Boundary group</th><th>Assigned site</th><th>Clients</th><th>Served by</th><th>Clients per DP<small>the group's even share</small></th></tr>`;
  const body = shown
    .map((g) => {
      const level = statuses.groups.get(g)?.level ?? "ok";
      const share = g.doc.clients !== undefined && g.dps.length > 0 ? n(Math.ceil(g.doc.clients / g.dps.length)) : "—";
      return (
        `<tr class="l-${level}" data-ref="${esc(g.ref)}"><td class="name">${nb(g.name)}</td><td class="name">${g.doc.assignedSite !== undefined ? nb(g.doc.assignedSite) : "—"}</td>` +
        `<td>${g.doc.clients !== undefined ? n(g.doc.clients) : "—"}</td><td>${g.dps.length ? g.dps.map((d) => nb(d.server)).join(", ") : `<span class="where">no DP</span>`}</td><td>${share}</td></tr>`
      );
    })
    .join("");
  return `<section id="groups"><h2>Boundary groups</h2>${note}<table><thead>${head}</thead><tbody>${body}</tbody></table></section>`;
}

const rank = (d: Diagnostic) => (d.waived ? 2 : d.severity === "error" ? 0 : 1);

function diagnosticsSection(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) {
    return `<section id="diagnostics"><h2>Diagnostics</h2><p class="clean">No problems found: every rule passes.</p></section>`;
  }
  const sorted = diagnostics.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i);
  const shown = sorted.slice(0, DIAGNOSTICS_MAX);
  const note =
    sorted.length > shown.length
      ? `<p class="note">Showing the first ${n(shown.length)} of ${n(sorted.length)} diagnostics (errors first); <span class="mono">pulumi-configmgr validate --format json</span> lists them all.</p>`
      : "";
  const head = `<tr><th></th><th>Rule</th><th>Object</th><th>Message</th><th>Fix</th><th>Where</th></tr>`;
  const body = shown
    .map(({ d }) => {
      const sev = d.waived ? "waived" : d.severity;
      const numbers = [d.limit !== undefined ? `limit ${n(d.limit)}` : "", d.actual !== undefined ? `found ${n(d.actual)}` : ""].filter(Boolean).join(", ");
      const reason = d.waived ? `<span class="reason">waived (${d.severity}, not counted): ${esc(d.waiverReason ?? "")}</span>` : "";
      const where = [d.path, d.line !== undefined ? `line ${d.line}${d.column !== undefined ? `:${d.column}` : ""}` : ""].filter(Boolean).map(esc).join("<br>");
      const title = CATALOG.get(d.rule)?.title;
      const source = /^https?:\/\//.test(d.source) ? `<br><a href="${esc(d.source)}" rel="noreferrer">source</a>` : "";
      return (
        `<tr class="${d.waived ? "waived" : d.severity}" data-rule="${esc(d.rule)}" data-object="${esc(d.object)}" data-waived="${d.waived}">` +
        `<td><span class="sev ${sev}">${sev}</span></td>` +
        `<td class="rule">${esc(d.rule)}${title ? `<small>${esc(title)}</small>` : ""}</td>` +
        `<td class="obj">${nb(d.object)}</td>` +
        `<td>${esc(d.message)}${numbers ? ` <span class="where">(${numbers})</span>` : ""}${reason}</td>` +
        `<td>${esc(d.fix)}</td>` +
        `<td class="where">${where}${source}</td></tr>`
      );
    })
    .join("");
  return `<section id="diagnostics"><h2>Diagnostics <span class="where">${n(diagnostics.length)}</span></h2>${note}<table><thead>${head}</thead><tbody>${body}</tbody></table></section>`;
}

export function renderReportHtml(input: ReportInput): string {
  const parts: string[] = [];
  let report: CapacityReport | undefined;
  if (input.model) {
    report = capacityReport(input.model);
    const statuses = objectStatuses(input.model, report, input.diagnostics);
    parts.push(
      closestSection(statuses),
      diagramSection(renderDiagram(input.model, statuses)),
      diagnosticsSection(input.diagnostics),
      sitesSection(report, statuses),
      dpsSection(input.model, report, statuses),
      groupsSection(input.model, statuses),
    );
  } else {
    parts.push(
      `<p class="note" id="no-model">No diagram and no capacity tables: the document does not have the topology format's shape. Fix the SCHEMA errors below, then run the report again.</p>`,
      diagnosticsSection(input.diagnostics),
    );
  }
  const title = `Capacity report${input.file !== undefined ? ` — ${input.file}` : ""}`;
  return (
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="generator" content="pulumi-configmgr report">` +
    `<title>${esc(title)}</title><style>${CSS}</style></head>\n<body><main>` +
    header(input, report) +
    parts.join("\n") +
    `<footer>Generated offline by <span class="mono">pulumi-configmgr report</span>. Limits are Microsoft's documented figures, as the rules check them (<span class="mono">pulumi-configmgr validate</span> gives the same verdict).</footer>` +
    `</main></body></html>\n`
  );
}
