import { RULES } from "../rules/catalog";
import { formatDiagnostic, validateDocument } from "../rules/engine";
import type { Diagnostic, Rule } from "../rules/types";
import { loadTopologyObject } from "../topology/load";
import type { BgContext, DpContext, ObjectWaiver, SiteContext, SiteFact } from "./facts";
import { CLASSIFIED_RULES, NEEDS_CONTEXT_RULES, RULES_READING, TOPOLOGY_ONLY_RULES } from "./rule-scope";
import { isUnknown, unknownFields } from "./unknowns";
import { withinOneEdit } from "../rules/within-one-edit";

/**
 * One object's check: rebuild a small document that reproduces the object and the facts about
 * its neighbours (placeholder objects with reserved `.invalid` names stand in for counts), run
 * the same rules as `validate`, and keep the findings about this object. Pure: no Pulumi, no I/O.
 */

export type ObjectKind = "primarySite" | "secondarySite" | "distributionPoint" | "boundaryGroup";

/** Inputs besides the object's own document fields. */
export const COMMON_FIELDS = ["configMgrVersion", "domain", "siteServer", "context", "waivers"] as const;

export interface CheckFailure {
  readonly property: string;
  readonly reason: string;
}

export interface ObjectVerdict {
  /** The object's ref as diagnostics name it (`dp:win701.lab.local`). */
  readonly ref: string;
  /** This object's diagnostics that could be decided (waived ones included, marked). */
  readonly diagnostics: readonly Diagnostic[];
  /** One per unwaived error. */
  readonly failures: readonly CheckFailure[];
  readonly warnings: readonly Diagnostic[];
}

type Plain = Record<string, unknown>;

const COLLECTION: Record<ObjectKind, string> = {
  primarySite: "primarySites",
  secondarySite: "secondarySites",
  distributionPoint: "distributionPoints",
  boundaryGroup: "boundaryGroups",
};

const IDENTITY_FIELD: Record<ObjectKind, string> = {
  primarySite: "siteCode",
  secondarySite: "siteCode",
  distributionPoint: "server",
  boundaryGroup: "name",
};

/** Stand-ins for required fields whose value is unknown during preview. */
export const NEUTRAL_FIELDS: Readonly<Record<ObjectKind, Plain>> = {
  primarySite: { siteCode: "UNK", server: "unknown-server.invalid" },
  secondarySite: { siteCode: "UNK", server: "unknown-server.invalid", parent: "UNP" },
  distributionPoint: {
    server: "unknown-server.invalid",
    site: "UNK",
    os: "windows-server-2022",
    edition: "standard",
    architecture: "x64",
    hardware: { cores: 2, memoryGB: 8 },
  },
  boundaryGroup: { name: "unknown" },
};

/**
 * A DP check reproduces each of its groups with at most this many other DPs, so that checking
 * every DP of a huge group stays linear overall. Above it the group is scaled down keeping each
 * DP's share of the clients (ceil(clients / DPs)) and "more than one DP"; only a message that
 * quoted the group's own totals would show the scaled numbers (the Topology check has the real ones).
 */
export const GROUP_PLACEHOLDER_CAP = 50;

const RESERVED_CODES = new Set(["AUX", "CON", "NUL", "PRN", "SMS", "ENV"]);
const CODE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

export const objectRef = (kind: ObjectKind, settings: Plain): string => {
  const str = (v: unknown) => (typeof v === "string" ? v : String(v));
  if (kind === "distributionPoint") return `dp:${str(settings.server).toLowerCase()}`;
  if (kind === "boundaryGroup") return `bg:${str(settings.name)}`;
  return `site:${str(settings.siteCode).toUpperCase()}`;
};

const sameRef = (a: string, b: string) => a === b || (a.startsWith("bg:") && a.toLowerCase() === b.toLowerCase());

/** The object's own document fields: everything but the common inputs and `__provider`. */
export function settingsOf(inputs: Plain): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(inputs)) {
    if (k === "__provider" || (COMMON_FIELDS as readonly string[]).includes(k)) continue;
    if (v !== undefined) out[k] = v;
  }
  return out;
}

const nonEmpty = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" && !isUnknown(v) ? v : undefined);

/** Builds the synthetic document around the object. */
class Synth {
  readonly doc = {
    configMgrVersion: "",
    domain: "",
    cas: undefined as Plain | undefined,
    primarySites: [] as Plain[],
    secondarySites: [] as Plain[],
    boundaryGroups: [] as Plain[],
    distributionPoints: [] as Plain[],
    waivers: [] as Plain[],
  };
  private readonly codes = new Set<string>();
  /** Codes the object refers to: no placeholder may be one edit away (REF-UNKNOWN would suggest it). */
  private readonly refs: string[] = [];
  private readonly servers = new Set<string>();
  private nextCode = CODE_CHARS.length ** 3 - 1;
  private serverSeq = 0;
  private placeholderSite?: string;
  private sourceServer?: string;

  useCode(code: unknown) {
    if (typeof code === "string") this.codes.add(code.toUpperCase());
  }
  useServer(server: unknown) {
    if (typeof server === "string") this.servers.add(server.toLowerCase());
  }
  refer(code: unknown) {
    if (typeof code === "string") this.refs.push(code.toUpperCase());
  }
  hasSite(code: string) {
    return this.codes.has(code.toUpperCase());
  }
  /** A valid site code used nowhere else in the document. */
  code(): string {
    while (this.nextCode >= 0) {
      let i = this.nextCode--;
      let code = "";
      for (let k = 0; k < 3; k++, i = Math.floor(i / CODE_CHARS.length)) code = CODE_CHARS[i % CODE_CHARS.length] + code;
      if (!this.codes.has(code) && !RESERVED_CODES.has(code) && !this.refs.some((r) => withinOneEdit(r, code))) {
        this.codes.add(code);
        return code;
      }
    }
    throw new Error("internal: no placeholder site code left");
  }
  server(): string {
    const s = `ph-${++this.serverSeq}.placeholder.invalid`;
    this.servers.add(s);
    return s;
  }

  addPrimary(code: string, server: string, extra: Plain = {}) {
    this.useCode(code);
    this.useServer(server);
    this.doc.primarySites.push({ siteCode: code, server, ...extra });
  }

  /** Adds a site reproducing `fact` unless its code is already there. */
  addSite(fact: SiteFact & { clients?: number; maxClientsPerDistributionPoint?: number }, server = fact.server) {
    if (this.hasSite(fact.code)) return;
    const clients = fact.clients === undefined ? {} : { clients: fact.clients };
    if (fact.kind === "cas") {
      if (this.doc.cas) return;
      this.useCode(fact.code);
      this.doc.cas = { siteCode: fact.code, server, ...clients };
    } else if (fact.kind === "primary") {
      this.addPrimary(fact.code, server, clients);
    } else {
      this.useCode(fact.code);
      let parent = fact.parent?.code;
      if (fact.parent) this.addSite(fact.parent);
      else parent = this.code();
      this.useServer(server);
      this.doc.secondarySites.push({
        siteCode: fact.code,
        parent,
        server,
        ...clients,
        ...(fact.maxClientsPerDistributionPoint !== undefined ? { maxClientsPerDistributionPoint: fact.maxClientsPerDistributionPoint } : {}),
      });
    }
  }

  /** The primary that hosts placeholder DPs, created on first use. */
  hostSite(): string {
    if (!this.placeholderSite) {
      this.placeholderSite = this.code();
      this.addPrimary(this.placeholderSite, this.server());
    }
    return this.placeholderSite;
  }

  dp(site: string, opts: { server?: string; clientOs?: boolean; pull?: boolean; groups?: string[] } = {}) {
    const server = opts.server ?? this.server();
    this.useServer(server);
    const host = opts.clientOs
      ? { os: "windows-10", edition: "enterprise", architecture: "x64" }
      : { os: "windows-server-2022", edition: "standard", architecture: "x64" };
    this.doc.distributionPoints.push({
      server,
      site,
      ...host,
      hardware: { cores: 4, memoryGB: 16 },
      boundaryGroups: opts.groups ?? [],
      ...(opts.pull ? { pull: { sources: [{ server: this.source(), rank: 1 }] } } : {}),
    });
  }

  /** A standard DP at the placeholder site that placeholder pull DPs pull from. */
  private source(): string {
    if (!this.sourceServer) {
      this.sourceServer = this.server();
      this.dp(this.hostSite(), { server: this.sourceServer });
    }
    return this.sourceServer;
  }

  siteDps(code: string, standard: number, pull: number) {
    for (let i = 0; i < standard; i++) this.dp(code);
    for (let i = 0; i < pull; i++) this.dp(code, { pull: true });
  }

  ensurePrimary() {
    if (this.doc.primarySites.length === 0) this.hostSite();
  }
}


function buildDp(s: Synth, self: Plain, ctx: DpContext | undefined, siteServer: string | undefined) {
  const server = String(self.server).toLowerCase();
  s.useServer(server);
  s.doc.distributionPoints.push(self);
  if (ctx) {
    if (ctx.site) s.addSite(ctx.site);
    if (ctx.hostsSite && ctx.hostsSite.code !== ctx.site?.code) s.addSite(ctx.hostsSite, server);
    for (const g of ctx.groups) {
      let others = g.otherDps;
      let clientOs = g.otherClientOsDps;
      let clients = g.clients;
      if (others > GROUP_PLACEHOLDER_CAP) {
        const share = Math.ceil((clients ?? 0) / (others + 1));
        clientOs = Math.round((clientOs * GROUP_PLACEHOLDER_CAP) / others);
        others = GROUP_PLACEHOLDER_CAP;
        if (clients !== undefined) clients = share * (others + 1);
      }
      s.doc.boundaryGroups.push({ name: g.name, ...(clients !== undefined ? { clients } : {}) });
      for (let i = 0; i < others; i++) s.dp(s.hostSite(), { clientOs: i < clientOs, groups: [g.name] });
    }
    const added = new Set<string>([server]);
    for (const src of ctx.sources) {
      if (added.has(src.server)) continue;
      added.add(src.server);
      if (src.site) s.addSite(src.site);
      s.dp(src.site ? src.site.code : s.hostSite(), { server: src.server, pull: src.pull });
    }
  } else {
    const siteCode = String(self.site).toUpperCase();
    s.addPrimary(siteCode, siteServer?.toLowerCase() ?? s.server());
    const seen = new Set<string>();
    for (const name of Array.isArray(self.boundaryGroups) ? self.boundaryGroups : []) {
      if (typeof name !== "string" || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      s.doc.boundaryGroups.push({ name });
    }
    const sources = (self.pull as { sources?: { server?: unknown }[] } | undefined)?.sources;
    const added = new Set<string>([server]);
    for (const src of Array.isArray(sources) ? sources : []) {
      const srcServer = typeof src?.server === "string" ? src.server.toLowerCase() : undefined;
      if (!srcServer || added.has(srcServer)) continue;
      added.add(srcServer);
      s.dp(s.hostSite(), { server: srcServer });
    }
  }
  s.ensurePrimary();
}

function buildSite(s: Synth, kind: "primarySite" | "secondarySite", self: Plain, ctx: SiteContext | undefined) {
  const code = String(self.siteCode).toUpperCase();
  s.useCode(code);
  s.useServer(self.server);
  if (kind === "primarySite") s.doc.primarySites.push(self);
  else s.doc.secondarySites.push(self);
  if (ctx) {
    if (ctx.cas && ctx.parent?.kind !== "cas") s.addSite({ code: ctx.cas.code, kind: "cas", server: ctx.cas.server });
    if (ctx.cas?.sqlEdition && s.doc.cas) s.doc.cas.sqlEdition = ctx.cas.sqlEdition;
    if (ctx.parent) s.addSite(ctx.parent);
    const secondaryCodes: string[] = [];
    for (let i = 0; i < ctx.secondaries; i++) {
      const c = s.code();
      secondaryCodes.push(c);
      s.doc.secondarySites.push({ siteCode: c, parent: code, server: s.server() });
    }
    s.siteDps(code, ctx.standardDps, ctx.pullDps);
    const rest = ctx.treeDps - ctx.standardDps - ctx.pullDps;
    if (rest > 0 && secondaryCodes.length > 0) s.siteDps(secondaryCodes[0], rest, 0);
  } else if (kind === "secondarySite" && typeof self.parent === "string") {
    s.addPrimary(self.parent.toUpperCase(), s.server());
  }
  s.ensurePrimary();
}

function buildGroup(s: Synth, self: Plain, ctx: BgContext | undefined) {
  s.doc.boundaryGroups.push(self);
  const name = String(self.name);
  if (ctx) {
    if (ctx.assignedSite) s.addSite(ctx.assignedSite);
    for (let i = 0; i < ctx.dps; i++) s.dp(s.hostSite(), { clientOs: i < ctx.clientOsDps, groups: [name] });
  } else if (typeof self.assignedSite === "string") {
    s.addPrimary(self.assignedSite.toUpperCase(), s.server());
  }
  s.ensurePrimary();
}

/** `distributionPoints[0].hardware.memoryGB` → `hardware`; the object itself → "". */
function topField(path: string, prefix: string): string | undefined {
  if (path === prefix) return "";
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  const m = /^\.([^.[]+)/.exec(rest);
  return m ? m[1] : rest.startsWith("[") ? "" : undefined;
}

/** Runs this object's rules. `inputs` are what the dynamic resource received (maybe with unknowns). */
export function checkObject(kind: ObjectKind, inputs: Plain): ObjectVerdict {
  const unknown = unknownFields(inputs);
  unknown.delete("__provider");
  const settings = settingsOf(inputs);
  for (const field of unknown) {
    if (!(field in settings)) continue;
    if (Object.hasOwn(NEUTRAL_FIELDS[kind], field)) settings[field] = NEUTRAL_FIELDS[kind][field];
    else delete settings[field];
  }
  const ref = objectRef(kind, settings);
  if (unknown.has("waivers")) return { ref, diagnostics: [], failures: [], warnings: [] };

  const version = nonEmpty(inputs.configMgrVersion);
  const domain = nonEmpty(inputs.domain);
  const siteServer = nonEmpty(inputs.siteServer);
  const context = unknown.has("context") || inputs.context === null || typeof inputs.context !== "object" ? undefined : (inputs.context as Plain);
  const waivers = Array.isArray(inputs.waivers) ? (inputs.waivers as ObjectWaiver[]) : [];

  const skip = new Set<string>(TOPOLOGY_ONLY_RULES);
  if (!context) for (const id of NEEDS_CONTEXT_RULES) skip.add(id);
  // On its own, the object is the only one to report a bad configMgrVersion it was given.
  if (!context && version !== undefined) skip.delete("VERSION-FORMAT");
  const rules: Rule[] = RULES.filter((r) => !skip.has(r.id) && (version !== undefined || (!r.needsVersion && !r.versions)));

  const s = new Synth();
  s.doc.configMgrVersion = version ?? "unknown";
  s.doc.domain = domain ?? "DOMAIN";
  s.doc.waivers = waivers
    .filter((w) => w && typeof w.rule === "string" && typeof w.reason === "string")
    .map((w) => ({ rule: w.rule, object: ref, reason: w.reason }));
  for (const field of ["site", "parent", "assignedSite"]) s.refer(settings[field]);
  if (kind === "distributionPoint") buildDp(s, settings, context as DpContext | undefined, siteServer);
  else if (kind === "boundaryGroup") buildGroup(s, settings, context as BgContext | undefined);
  else buildSite(s, kind, settings, context as SiteContext | undefined);
  const doc: Plain = { ...s.doc };
  if (!doc.cas) delete doc.cas;

  const prefix = `${COLLECTION[kind]}[0]`;
  const readsUnknown = (rule: string) => {
    for (const field of unknown) {
      const readers = Object.hasOwn(RULES_READING, field) ? RULES_READING[field] : undefined; // a field named "constructor" is not a rule list
      if (readers && (readers.includes("*") || readers.includes(rule))) return true;
    }
    return false;
  };
  const kept: Diagnostic[] = [];
  for (const d of validateDocument(loadTopologyObject(doc), rules).diagnostics) {
    if (d.rule === "WAIVER-INVALID" || d.rule === "WAIVER-UNUSED") continue;
    const field = fieldOf(d, prefix);
    // SCHEMA outside the object comes from what this resource was given too (siteServer, names it refers to).
    if (!sameRef(d.object, ref) && d.rule !== "SCHEMA" && !givenByThisObject(d, version, domain, context)) continue;
    if (unknown.size > 0) {
      if (readsUnknown(d.rule)) continue;
      if (field !== undefined && field !== "" && unknown.has(field)) continue;
      if ((field === undefined || field === "") && !CLASSIFIED_RULES.has(d.rule)) continue;
    }
    kept.push(d);
  }
  // An identity still unknown (preview) is shown as such, not as its stand-in.
  const identity = IDENTITY_FIELD[kind];
  if (unknown.has(identity)) {
    const shown = `${ref.slice(0, ref.indexOf(":"))}:<unknown ${identity}>`;
    for (let i = 0; i < kept.length; i++) if (sameRef(kept[i].object, ref)) kept[i] = { ...kept[i], object: shown };
  }
  const failures: CheckFailure[] = [];
  const warnings: Diagnostic[] = [];
  for (const d of kept) {
    if (d.waived) continue;
    if (d.severity === "error") failures.push({ property: propertyOf(d, prefix), reason: formatDiagnostic(d) });
    else warnings.push(d);
  }
  return { ref, diagnostics: kept, failures, warnings };
}

/** A finding about the configMgrVersion or domain this object was given on its own. */
function givenByThisObject(d: Diagnostic, version: string | undefined, domain: string | undefined, context: unknown): boolean {
  if (context || d.object !== "hierarchy") return false;
  return (d.path === "configMgrVersion" && version !== undefined) || (d.path === "domain" && domain !== undefined);
}

/** The input field a finding points at ("" = the object as a whole, undefined = outside it). */
function fieldOf(d: Diagnostic, prefix: string): string | undefined {
  if (d.object === "hierarchy" && (d.path === "configMgrVersion" || d.path === "domain")) return d.path;
  return topField(d.path, prefix);
}

/** The input property a failure is about: its top-level field, or "" for the object as a whole. */
function propertyOf(d: Diagnostic, prefix: string): string {
  return fieldOf(d, prefix) ?? "";
}
