import { hierarchyInputs } from "../pulumi/facts";
import { deepEqual, diff as providerDiff, jsonClean, type Kind } from "../pulumi/provider-logic";
import type { TopologyModel } from "../topology/model";

/**
 * Which objects a change adds, removes, updates or replaces. Objects are matched as the
 * Hierarchy names them (site code, DP server, boundary-group name compared case-insensitively);
 * the verdict update vs replace comes from the dynamic providers' own diff
 * (lib/pulumi/provider-logic.ts), run on the inputs the Hierarchy gives each resource
 * (lib/pulumi/facts.ts hierarchyInputs).
 */

export type ObjectKind = "primarySite" | "secondarySite" | "boundaryGroup" | "distributionPoint";

export interface FieldChange {
  /** `hardware.memoryGB`, `boundaries[1].ipSubnet`. */
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface ObjectChange {
  readonly ref: string;
  readonly kind: ObjectKind;
  readonly change: "added" | "removed" | "updated" | "replaced";
  readonly fields: readonly FieldChange[];
  /** For a replacement: the fields that force it, and why. */
  readonly replacedBy?: readonly { readonly field: string; readonly why: "identity" | "install-time" }[];
  /** The old one is deleted before the new one is created (they cannot coexist). */
  readonly deleteBeforeReplace?: boolean;
}

type Plain = Record<string, unknown>;

interface Entry {
  readonly ref: string;
  readonly kind: ObjectKind;
  /** What the resource receives (for the providers' diff). */
  readonly inputs: Plain;
}

const plain = (v: object): Plain => v as unknown as Plain;

function entries(model: TopologyModel): Map<string, Entry> {
  const inputs = hierarchyInputs(model);
  const out = new Map<string, Entry>();
  const add = (key: string, e: Entry) => {
    if (!out.has(key)) out.set(key, e); // a duplicate is NAME-UNIQUE's or SITECODE-UNIQUE's; the Hierarchy keeps the first too
  };
  model.primaries.forEach((s, i) =>
    add(`site:${s.code}`, { ref: s.ref, kind: "primarySite", inputs: plain(inputs.primaries[i]) }),
  );
  model.secondaries.forEach((s, i) =>
    add(`site:${s.code}`, { ref: s.ref, kind: "secondarySite", inputs: plain(inputs.secondaries[i]) }),
  );
  model.groups.forEach((g, i) => add(`bg:${g.key}`, { ref: g.ref, kind: "boundaryGroup", inputs: plain(inputs.groups[i]) }));
  model.dps.forEach((d, i) => add(`dp:${d.server}`, { ref: d.ref, kind: "distributionPoint", inputs: plain(inputs.dps[i]) }));
  return out;
}

/** Leaf-by-leaf differences; arrays of scalars compare as one value. */
export function fieldChanges(before: unknown, after: unknown, path = ""): FieldChange[] {
  if (deepEqual(before, after)) return [];
  const isObj = (v: unknown): v is Plain => v !== null && typeof v === "object" && !Array.isArray(v);
  const scalarArray = (v: unknown) => Array.isArray(v) && v.every((x) => x === null || typeof x !== "object");
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => fieldChanges(before[k], after[k], path === "" ? k : `${path}.${k}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && !(scalarArray(before) && scalarArray(after))) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => fieldChanges(before[i], after[i], `${path}[${i}]`)).flat();
  }
  return [{ path, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) }];
}

/** What the providers compare: the inputs less the check-only facts (provider-logic's CHECK_ONLY_FIELDS). */
function compared(inputs: Plain): Plain {
  const { context: _context, waivers: _waivers, ...rest } = inputs;
  return rest;
}

/** Fields whose change replaces a resource because they are what it is, not how it is set. */
const IDENTITY_FIELDS = new Set(["server", "siteCode", "site", "parent", "name"]);

const ORDER: Record<ObjectKind, number> = { primarySite: 0, secondarySite: 1, boundaryGroup: 2, distributionPoint: 3 };

export async function objectChanges(base: TopologyModel, head: TopologyModel): Promise<ObjectChange[]> {
  const before = entries(base);
  const after = entries(head);
  const out: ObjectChange[] = [];
  for (const [key, old] of before) {
    const next = after.get(key);
    if (!next) {
      out.push({ ref: old.ref, kind: old.kind, change: "removed", fields: [] });
      continue;
    }
    const fields = fieldChanges(compared(old.inputs), compared(next.inputs));
    // A secondary that became a primary (or back) is another kind of resource: remove + add.
    if (old.kind !== next.kind) {
      out.push({ ref: old.ref, kind: old.kind, change: "removed", fields: [] }, { ref: next.ref, kind: next.kind, change: "added", fields: [] });
      continue;
    }
    const verdict = await providerDiff(old.kind as Kind, key, old.inputs, next.inputs);
    if (!verdict.changes) continue;
    if (verdict.replaces.length > 0) {
      out.push({
        ref: next.ref,
        kind: next.kind,
        change: "replaced",
        fields,
        replacedBy: verdict.replaces.map((field) => ({ field, why: IDENTITY_FIELDS.has(field) ? ("identity" as const) : ("install-time" as const) })),
        deleteBeforeReplace: verdict.deleteBeforeReplace,
      });
    } else {
      out.push({ ref: next.ref, kind: next.kind, change: "updated", fields });
    }
  }
  for (const [key, next] of after) if (!before.has(key)) out.push({ ref: next.ref, kind: next.kind, change: "added", fields: [] });
  return out.sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
}

/** Hierarchy-wide fields (no resource of their own: every object's check reads them). */
export function hierarchyChanges(base: TopologyModel, head: TopologyModel): FieldChange[] {
  const pick = (m: TopologyModel) => jsonClean({ configMgrVersion: m.doc.configMgrVersion, domain: m.doc.domain, cas: m.doc.cas, waivers: m.doc.waivers }) as Plain;
  return fieldChanges(pick(base), pick(head));
}
