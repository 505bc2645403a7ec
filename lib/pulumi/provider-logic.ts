import { formatDiagnostic, validateDocument } from "../rules/engine";
import { loadTopologyObject } from "../topology/load";
import { netbiosOf } from "../topology/model";
import { normalizeTopology } from "../topology/normalize";
import { topologySchema } from "../topology/schema";
import { parseVersion } from "../topology/version";
import { checkObject, COMMON_FIELDS, NEUTRAL_FIELDS, settingsOf, type CheckFailure, type ObjectKind } from "./object-check";
import { RULES_READING, TOPOLOGY_ONLY_RULES } from "./rule-scope";
import { jsonClean } from "./json";
import { isUnknown, pathsIntersect, unknownFields, unknownPaths } from "./unknowns";

/**
 * What the dynamic providers really do. This module runs inside the engine's dynamic-provider
 * host: providers.ts requires it by package name, so the serialised providers stay tiny. No
 * Pulumi imports; results are JSON-clean (the host's Struct conversion rejects `undefined`).
 *
 * The dynamic resources hold the checked, normalised declaration; they touch no remote system
 * (provisioning is done by command resources next to them), so create/update/delete only
 * compute outputs, and delete is a no-op that cannot fail.
 */

export type Kind = ObjectKind | "topology";
type Plain = Record<string, unknown>;

export { jsonClean };

/**
 * The Topology resource's record of the step scripts' behaviour versions (script-behaviour.ts):
 * not part of the document, never validated; a change is an update, so the preview shows it.
 */
export const SCRIPT_BEHAVIOUR = "scriptBehaviour";

/** The document a Topology resource's inputs hold. */
function documentOf(inputs: Plain): Plain {
  const { [SCRIPT_BEHAVIOUR]: _versions, ...doc } = inputs;
  return doc;
}

/** Fields that only feed the check: a change in them alone re-runs the check, not an update. */
const CHECK_ONLY_FIELDS = ["context", "waivers"];

/** Outputs computed by create/update/read (never inputs). */
const COMPUTED: Record<Kind, readonly string[]> = {
  primarySite: ["netbiosName", "settings"],
  secondarySite: ["netbiosName", "settings"],
  distributionPoint: ["netbiosName", "settings", "configuration"],
  boundaryGroup: ["settings"],
  topology: ["summary"],
};

/** Identity fields and install-time settings: a change replaces the resource. */
const REPLACE_FIELDS: Record<Kind, readonly string[]> = {
  primarySite: ["siteCode", "server"],
  secondarySite: ["siteCode", "server", "parent"],
  distributionPoint: ["server", "site", "storage"],
  boundaryGroup: ["name"],
  topology: [],
};

function withoutProvider(props: Plain | undefined): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(props ?? {})) if (k !== "__provider" && v !== undefined) out[k] = v;
  return out;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => deepEqual(v, b[i]));
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const ka = Object.keys(a as Plain).filter((k) => (a as Plain)[k] !== undefined);
    const kb = Object.keys(b as Plain).filter((k) => (b as Plain)[k] !== undefined);
    if (ka.length !== kb.length) return false;
    return ka.every((k) => deepEqual((a as Plain)[k], (b as Plain)[k]));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// check

export interface CheckResult {
  inputs: Plain;
  failures: CheckFailure[];
}

export async function check(kind: Kind, olds: Plain, news: Plain): Promise<CheckResult> {
  const inputs = withoutProvider(news);
  if (kind === "topology") return checkTopology(inputs);
  const verdict = checkObject(kind, inputs);
  const moved = kind === "secondarySite" ? secondaryMove(olds, inputs) : undefined;
  return { inputs: jsonClean(normalizedInputs(kind, inputs)), failures: [...verdict.failures, ...(moved ? [moved] : [])] };
}

/**
 * A secondary site whose parent changes. ConfigMgr cannot move a secondary site: it is uninstalled
 * and installed again under the new parent. Its install step cannot be replaced for it (a parent
 * in its triggers would have replaced every secondary of a 0.1 stack on upgrade), so the change is
 * refused at preview with the two `up`s that do it, instead of an update that cannot succeed.
 */
function secondaryMove(olds: Plain | undefined, news: Plain): CheckFailure | undefined {
  const before = olds?.parent;
  const after = news.parent;
  if (typeof before !== "string" || typeof after !== "string" || before.toUpperCase() === after.toUpperCase()) return undefined;
  const code = typeof news.siteCode === "string" ? news.siteCode.toUpperCase() : "this secondary site";
  return {
    property: "parent",
    reason:
      `secondary site ${code}: its parent changes from ${before.toUpperCase()} to ${after.toUpperCase()}, and ConfigMgr cannot move a secondary site ` +
      `(it is uninstalled and installed again under the new parent). Keep parent ${before.toUpperCase()} for now; to move it, remove ${code} and its DPs from the ` +
      `document and run pulumi up (which removes the DPs' roles and uninstalls it), then add them back under ${after.toUpperCase()} and run pulumi up again.`,
  };
}

const EMPTY_DOC = { configMgrVersion: "2403", domain: "X", primarySites: [], secondarySites: [], boundaryGroups: [], distributionPoints: [], waivers: [] };
const COLLECTION: Record<ObjectKind, "primarySites" | "secondarySites" | "distributionPoints" | "boundaryGroups"> = {
  primarySite: "primarySites",
  secondarySite: "secondarySites",
  distributionPoint: "distributionPoints",
  boundaryGroup: "boundaryGroups",
};

/**
 * The object's settings as the document format normalises them (defaults applied, canonical
 * spellings), so that state and diffs compare like with like. Unknown or malformed settings are
 * kept as given: the check reports them, and normalisation happens once they are known.
 */
function normalizedInputs(kind: ObjectKind, inputs: Plain): Plain {
  const settings = settingsOf(inputs);
  if (unknownPaths(settings).length > 0) return inputs;
  const collection = COLLECTION[kind];
  const parsed = topologySchema.safeParse({ ...EMPTY_DOC, primarySites: [{ siteCode: "P01", server: "x.invalid" }], [collection]: [settings] });
  if (!parsed.success) return inputs;
  const normalized = (normalizeTopology(parsed.data)[collection] as unknown[])[0] as Plain;
  const common: Plain = {};
  for (const k of COMMON_FIELDS) if (inputs[k] !== undefined) common[k] = inputs[k];
  return { ...normalized, ...common };
}

function checkTopology(inputs: Plain): CheckResult {
  const docInputs = documentOf(inputs);
  const unknown = unknownPaths(docInputs);
  let doc: Plain = docInputs;
  const regions: (readonly (string | number)[])[] = [];
  const fields = new Set<string>();
  if (unknown.length > 0) ({ doc } = neutralizeDocument(docInputs, regions, fields));
  const validation = validateDocument(loadTopologyObject(doc));
  const failures: CheckFailure[] = [];
  for (const d of validation.diagnostics) {
    if (d.waived || d.severity !== "error") continue;
    if (unknown.length > 0 && dependsOnUnknown(d.rule, d.path, regions, fields)) continue;
    failures.push({ property: "", reason: formatDiagnostic(d) });
  }
  return { inputs: jsonClean(inputs), failures };
}

const OBJECT_KIND: Record<string, ObjectKind> = {
  primarySites: "primarySite",
  secondarySites: "secondarySite",
  distributionPoints: "distributionPoint",
  boundaryGroups: "boundaryGroup",
  cas: "primarySite",
};

/** Replaces unknowns in a whole document the way checkObject does for one object. */
function neutralizeDocument(input: Plain, regions: (readonly (string | number)[])[], fields: Set<string>): { doc: Plain } {
  const doc: Plain = { ...input };
  for (const key of Object.keys(doc)) {
    if (!isUnknown(doc[key]) && unknownPaths(doc[key]).length === 0) continue;
    const kind = Object.hasOwn(OBJECT_KIND, key) ? OBJECT_KIND[key] : undefined;
    if (!kind || isUnknown(doc[key])) {
      fields.add(key);
      regions.push([key]);
      if (key === "configMgrVersion") doc[key] = "unknown";
      else if (key === "domain") doc[key] = "DOMAIN";
      else if (key === "primarySites") doc[key] = [{ siteCode: "UNK", server: "unknown-server.invalid" }];
      else delete doc[key];
      continue;
    }
    const fix = (obj: unknown, path: (string | number)[]) => {
      if (isUnknown(obj) || obj === null || typeof obj !== "object") {
        regions.push(path);
        return undefined;
      }
      const copy: Plain = { ...(obj as Plain) };
      for (const field of unknownFields(copy)) {
        fields.add(field);
        regions.push([...path, field]);
        if (Object.hasOwn(NEUTRAL_FIELDS[kind], field)) copy[field] = NEUTRAL_FIELDS[kind][field];
        else delete copy[field];
      }
      return copy;
    };
    if (key === "cas") doc.cas = fix(doc.cas, ["cas"]);
    else if (Array.isArray(doc[key])) doc[key] = (doc[key] as unknown[]).map((o, i) => fix(o, [key, i])).filter((o) => o !== undefined);
    else {
      regions.push([key]);
      delete doc[key];
    }
  }
  return { doc };
}

function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

function dependsOnUnknown(rule: string, path: string, regions: (readonly (string | number)[])[], fields: Set<string>): boolean {
  if (TOPOLOGY_ONLY_RULES.includes(rule)) return true;
  for (const field of fields) {
    const readers = Object.hasOwn(RULES_READING, field) ? RULES_READING[field] : undefined; // a field named "constructor" is not a rule list
    if (readers && (readers.includes("*") || readers.includes(rule))) return true;
  }
  const p = parsePath(path);
  return p.length === 0 || regions.some((r) => pathsIntersect(r, p));
}

// ---------------------------------------------------------------------------------------------
// diff

export interface DiffResult {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export async function diff(kind: Kind, _id: string, olds: Plain, news: Plain): Promise<DiffResult> {
  const old = inputsOf(kind, olds);
  const next = withoutProvider(news);
  const changed: string[] = [];
  for (const key of new Set([...Object.keys(old), ...Object.keys(next)])) {
    if (CHECK_ONLY_FIELDS.includes(key) && kind !== "topology") continue;
    if (isUnknownDeep(next[key]) || !deepEqual(old[key], next[key])) changed.push(key);
  }
  const replaces = changed.filter((k) => REPLACE_FIELDS[kind].includes(k) && !(kind === "boundaryGroup" && sameName(old[k], next[k])));
  return {
    changes: changed.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && cannotCoexist(kind, old, next),
  };
}

const isUnknownDeep = (v: unknown) => v !== undefined && unknownPaths(v).length > 0;
const sameName = (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && a.toLowerCase() === b.toLowerCase();

/**
 * The old and the new copy would clash if both existed at once: the same host cannot hold two
 * DP roles, and a site code or a site server cannot belong to two sites. Unknown = assume a clash.
 */
function cannotCoexist(kind: Kind, old: Plain, next: Plain): boolean {
  const same = (k: string) => isUnknownDeep(next[k]) || deepEqual(old[k], next[k]);
  if (kind === "distributionPoint") return same("server");
  if (kind === "primarySite" || kind === "secondarySite") return same("siteCode") || same("server");
  return false;
}

// ---------------------------------------------------------------------------------------------
// create / read / update / delete

/** The input part of stored outputs. */
function inputsOf(kind: Kind, outs: Plain): Plain {
  const inputs = withoutProvider(outs);
  for (const k of COMPUTED[kind]) delete inputs[k];
  return inputs;
}

export function idOf(kind: Kind, inputs: Plain): string {
  const str = (v: unknown) => (typeof v === "string" ? v : String(v));
  switch (kind) {
    case "topology":
      return "topology";
    case "distributionPoint":
      return `dp:${str(inputs.server).toLowerCase()}`;
    case "boundaryGroup":
      return `bg:${str(inputs.name).toLowerCase()}`;
    default:
      return `site:${str(inputs.siteCode).toUpperCase()}`;
  }
}

/** Everything the resource exposes: its inputs plus what is derived from them. */
export function outputsOf(kind: Kind, inputs: Plain): Plain {
  const outs: Plain = { ...inputs };
  if (kind === "topology") {
    const validation = validateDocument(loadTopologyObject(documentOf(inputs)));
    outs.summary = { ...validation.summary };
    return jsonClean(outs);
  }
  const settings = settingsOf(inputs);
  outs.settings = settings;
  if (kind !== "boundaryGroup" && typeof inputs.server === "string") outs.netbiosName = netbiosOf(inputs.server).toUpperCase();
  if (kind === "distributionPoint") outs.configuration = dpConfiguration(inputs);
  return jsonClean(outs);
}

interface DpSettings {
  server: string;
  site: string;
  boundaryGroups?: string[];
  pull?: { sources: { server: string; rank: number }[] };
  storage?: Record<string, string | number | undefined>;
  clientConnection?: string;
  clientConnectionType?: string;
  pxe?: { enabled?: boolean; responderWithoutWds?: boolean; passwordSecret?: string };
  multicast?: { enabled?: boolean };
  contentValidation?: { schedule: unknown; priority?: string };
  installIIS?: boolean;
  prepareHost?: boolean;
  description?: string;
}

/**
 * What the DP role is configured with (the Add-/Set-CMDistributionPoint settings), with the
 * version's defaults filled in: content library and package share "automatic", minimum free
 * space 500 MB from 2107 and 50 MB before (windows-commands.md, S-CMDLET).
 */
export type DpConfiguration = ReturnType<typeof dpConfiguration>;

function dpConfiguration(inputs: Plain) {
  const dp = inputs as unknown as DpSettings;
  const context = inputs.context as { site?: { server?: string } } | undefined;
  const version = parseVersion(inputs.configMgrVersion);
  const storage = dp.storage ?? {};
  const defaultFree = version ? (version.currentBranch && version.order >= 2107 ? 500 : 50) : undefined;
  const sources = [...(dp.pull?.sources ?? [])].sort((a, b) => a.rank - b.rank).map((s) => s.server);
  return {
    siteCode: dp.site,
    siteServer: context?.site?.server ?? inputs.siteServer,
    server: dp.server,
    pull: dp.pull !== undefined,
    pullSources: sources,
    contentLibrary: { primary: storage.primaryContentLibrary ?? "automatic", secondary: storage.secondaryContentLibrary },
    packageShare: { primary: storage.primaryPackageShare ?? "automatic", secondary: storage.secondaryPackageShare },
    minimumFreeSpaceMB: storage.minimumFreeSpaceMB ?? defaultFree,
    clientConnection: dp.clientConnection ?? "http",
    clientConnectionType: dp.clientConnectionType ?? "intranet",
    pxe: dp.pxe?.enabled ?? false,
    pxeResponderWithoutWds: dp.pxe ? (dp.pxe.responderWithoutWds ?? false) : undefined,
    pxePasswordSet: dp.pxe?.passwordSecret !== undefined,
    multicast: dp.multicast?.enabled ?? false,
    contentValidation: dp.contentValidation !== undefined,
    boundaryGroups: dp.boundaryGroups ?? [],
    installIIS: dp.installIIS ?? false,
    prepareHost: dp.prepareHost ?? true,
  };
}

export async function create(kind: Kind, news: Plain): Promise<{ id: string; outs: Plain }> {
  const inputs = withoutProvider(news);
  return { id: idOf(kind, inputs), outs: outputsOf(kind, inputs) };
}

/** Refresh: nothing remote to read, so the state is recomputed from its own inputs (no drift). */
export async function read(kind: Kind, id: string, props: Plain): Promise<{ id: string; props: Plain; inputs: Plain }> {
  const inputs = jsonClean(inputsOf(kind, props));
  return { id, props: outputsOf(kind, inputs), inputs };
}

export async function update(kind: Kind, _id: string, _olds: Plain, news: Plain): Promise<{ outs: Plain }> {
  return { outs: outputsOf(kind, withoutProvider(news)) };
}

/** Idempotent: the resource owns nothing outside the state. */
export async function remove(_kind: Kind, _id: string, _props: Plain): Promise<void> {}
