import { normalizeTopology } from "../../topology/normalize";
import { topologySchema, type TopologyDoc } from "../../topology/schema";
import { settingsOf } from "../object-check";

type Collection = "primarySites" | "secondarySites" | "boundaryGroups" | "distributionPoints";
export type SettingsOf<C extends Collection> = TopologyDoc[C][number];

/**
 * One object's declaration as the script generators want it: parsed with the document's schema
 * (defaults applied) and normalised (canonical spellings), exactly what its check stores. Built
 * from the component's arguments, so that it is known at preview whenever they are. A
 * declaration the schema rejects comes back as a problem (its check reports it; nothing runs).
 * Plain data, so that it passes through Outputs unchanged.
 */
export type Normalized<T> = { readonly settings: T } | { readonly problem: string };

export function normalizedSettings<C extends Collection>(collection: C, declared: Record<string, unknown>): Normalized<SettingsOf<C>> {
  const settings = settingsOf(declared);
  const doc: Record<string, unknown> = {
    configMgrVersion: "2403",
    domain: "X",
    primarySites: collection === "primarySites" ? [settings] : [{ siteCode: "P01", server: "x.invalid" }],
  };
  if (collection !== "primarySites") doc[collection] = [settings];
  const parsed = topologySchema.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.slice(2).join(".") || "(object)"}: ${i.message}`);
    return { problem: `the declaration does not have the topology format's shape (${issues.join("; ")})` };
  }
  return { settings: (normalizeTopology(parsed.data)[collection] as SettingsOf<C>[])[0] };
}
