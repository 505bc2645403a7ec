import { lowerCase, upperCase } from "./letter-case";
import { OS_IDS, type OsId, type TopologyDoc } from "./schema";

/**
 * Each OS id → the same id as this module spells it. JSON.parse gives every DP its own copy of a
 * name longer than ten characters ("windows-server-2022"), and each rule's lookup by such a copy
 * (OS_MATRIX[os], a Set of OS ids) compares or hashes its characters again; the module's own
 * spelling is V8's one internalized string, which those lookups find by identity.
 */
const OS_SPELLING: ReadonlyMap<string, OsId> = new Map(OS_IDS.map((id) => [id, id]));

const AUTOMATIC = /^automatic$/i;
const AUTOMATIC_LENGTH = "automatic".length;

/**
 * Canonical spellings, applied once after parsing so that every later comparison is plain
 * equality: site codes upper case, FQDNs lower case, the NetBIOS domain upper case, drive
 * letters upper case, schedule words lower case, waiver objects in the form of object refs.
 * Boundary-group names keep their spelling (they are shown to admins); the model compares
 * them case-insensitively.
 *
 * In place: its input is always the fresh copy that the schema's parse has just made (zod's or
 * the compiled checker's), and a second copy of a 125,000-DP document costs more than the rest
 * of its normalisation. An absent field stays absent (no key written with the value undefined:
 * on 125,000 objects, each added key is a new object shape and often a new property store).
 * The loops over the DPs and groups are index loops: this function runs once per document, and
 * the code V8 compiles for a loop it is in the middle of allocates an iterator result per for-of
 * step.
 */
export function normalizeTopology(doc: TopologyDoc): TopologyDoc {
  const code = upperCase;
  const host = lowerCase;
  const driveSetting = (s: string) => (s.length === AUTOMATIC_LENGTH && AUTOMATIC.test(s) ? "automatic" : upperCase(s));
  doc.domain = upperCase(doc.domain);
  if (doc.cas) {
    doc.cas.siteCode = code(doc.cas.siteCode);
    doc.cas.server = host(doc.cas.server);
  }
  for (const p of doc.primarySites) {
    p.siteCode = code(p.siteCode);
    p.server = host(p.server);
  }
  for (const s of doc.secondarySites) {
    s.siteCode = code(s.siteCode);
    s.parent = code(s.parent);
    s.server = host(s.server);
  }
  const groups = doc.boundaryGroups;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g.assignedSite !== undefined) g.assignedSite = code(g.assignedSite);
  }
  const dps = doc.distributionPoints;
  for (let i = 0; i < dps.length; i++) {
    const dp = dps[i];
    dp.server = host(dp.server);
    dp.site = code(dp.site);
    dp.os = OS_SPELLING.get(dp.os) ?? dp.os;
    const disks = dp.disks;
    if (disks) for (let j = 0; j < disks.length; j++) disks[j].drive = upperCase(disks[j].drive);
    const storage = dp.storage;
    if (storage) {
      if (storage.primaryContentLibrary !== undefined) storage.primaryContentLibrary = driveSetting(storage.primaryContentLibrary);
      if (storage.secondaryContentLibrary !== undefined) storage.secondaryContentLibrary = driveSetting(storage.secondaryContentLibrary);
      if (storage.primaryPackageShare !== undefined) storage.primaryPackageShare = driveSetting(storage.primaryPackageShare);
      if (storage.secondaryPackageShare !== undefined) storage.secondaryPackageShare = driveSetting(storage.secondaryPackageShare);
    }
    if (dp.pull) for (const s of dp.pull.sources) s.server = host(s.server);
    const schedule = dp.contentValidation?.schedule;
    if (schedule) {
      schedule.recur = lowerCase(schedule.recur);
      if (schedule.day !== undefined) schedule.day = lowerCase(schedule.day);
    }
    if (dp.proxy) dp.proxy.server = host(dp.proxy.server);
  }
  for (const w of doc.waivers) {
    w.rule = w.rule.toUpperCase();
    w.object = normalizeObjectRef(w.object);
  }
  return doc;
}

/** `site:p01` → `site:P01`, `DP:WIN701.lab.local` → `dp:win701.lab.local`; other refs unchanged. */
export function normalizeObjectRef(ref: string): string {
  const m = /^(site|dp|bg|hierarchy)(?::(.*))?$/is.exec(ref.trim());
  if (!m) return ref;
  const kind = m[1].toLowerCase();
  const rest = m[2];
  if (kind === "hierarchy") return rest === undefined ? "hierarchy" : ref;
  if (rest === undefined) return ref;
  if (kind === "site") return `site:${rest.toUpperCase()}`;
  if (kind === "dp") return `dp:${rest.toLowerCase()}`;
  return `bg:${rest}`;
}
