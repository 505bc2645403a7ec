import { groupKey, type TopologyModel } from "../topology/model";
import type { Rule } from "./types";
import { withinOneEdit } from "./within-one-edit";


function deletions(key: string): string[] {
  const out = [key];
  for (let i = 0; i < key.length; i++) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
}

/**
 * "Did you mean": a known name one edit away from an unknown one. Names that are one edit apart
 * share a one-character deletion, so an index of deletions (built on first use, linear in the
 * names) answers each lookup without scanning every name.
 */
class NearMatch {
  private index?: Map<string, string[]>;
  constructor(private readonly keys: () => Iterable<string>) {}

  find(key: string): string | undefined {
    if (!this.index) {
      this.index = new Map();
      for (const known of this.keys()) {
        for (const variant of new Set(deletions(known))) {
          const list = this.index.get(variant);
          if (!list) this.index.set(variant, [known]);
          else if (list.length < 4) list.push(known);
        }
      }
    }
    for (const variant of deletions(key)) {
      for (const known of this.index.get(variant) ?? []) if (withinOneEdit(known, key)) return known;
    }
    return undefined;
  }
}

class Lookups {
  readonly sites = new NearMatch(() => this.model.siteByCode.keys());
  // The indexes iterate in document order: a suggestion between equally near names is the first written.
  readonly dps = new NearMatch(() => this.model.dpByServer.keys());
  readonly groups = new NearMatch(() => this.model.groupByKey.keys());
  constructor(private readonly model: TopologyModel) {}

  site(code: string): string | undefined {
    return this.sites.find(code);
  }
  dp(server: string): string | undefined {
    return this.dps.find(server);
  }
  group(name: string): string | undefined {
    const key = this.groups.find(groupKey(name));
    return key === undefined ? undefined : this.model.groupByKey.get(key)!.name;
  }
}

const didYouMean = (near: string | undefined, otherwise: string): string => (near !== undefined ? `Did you mean "${near}"? ` : "") + otherwise;

/** Why a waiver's object does not resolve (a clause following the object), with a suggestion; undefined when it resolves. */
function waiverObjectProblem(model: TopologyModel, find: Lookups, ref: string): { message: string; fix: string } | undefined {
  if (ref === "hierarchy") return undefined;
  const m = /^(site|dp|bg):(.+)$/s.exec(ref);
  const forms = "hierarchy, site:<site code>, dp:<DP server FQDN> or bg:<boundary-group name>";
  const elsewhere = (id: string): string | undefined => {
    if (model.siteByCode.has(id.toUpperCase())) return `site:${id.toUpperCase()}`;
    if (model.dpByServer.has(id.toLowerCase())) return `dp:${id.toLowerCase()}`;
    const g = model.groupByKey.get(groupKey(id));
    return g ? g.ref : undefined;
  };
  if (!m) {
    return {
      message: `which is not an object reference (a waiver's object is ${forms})`,
      fix: didYouMean(elsewhere(ref.trim()), `Write the object as ${forms}.`),
    };
  }
  const [, kind, id] = m;
  let exists: boolean;
  let near: string | undefined;
  let what: string;
  if (kind === "site") {
    exists = model.siteByCode.has(id);
    what = "site";
    near = exists ? undefined : find.site(id);
    if (near !== undefined) near = `site:${near}`;
  } else if (kind === "dp") {
    exists = model.dpByServer.has(id);
    what = "distribution point";
    near = exists ? undefined : find.dp(id);
    if (near !== undefined) near = `dp:${near}`;
  } else {
    exists = model.groupByKey.has(groupKey(id));
    what = "boundary group";
    near = exists ? undefined : find.group(id);
    if (near !== undefined) near = `bg:${near}`;
  }
  if (exists) return undefined;
  return {
    message: `but the document has no such ${what}`,
    fix: didYouMean(near ?? elsewhere(id), "Name an object of this document, or remove the waiver."),
  };
}

const rule: Rule = {
  id: "REF-UNKNOWN",
  severity: "error",
  title:
    "Every reference resolves: a secondary's parent, a DP's site, boundaryGroups and pull sources, a boundary group's assignedSite, a waiver's object.",
  sources: ["FORMAT"],
  fix: "Correct the reference, or declare the object it names.",
  structural: true,
  check(model, report) {
    const find = new Lookups(model);
    const siteFix = (code: string, what: string) => didYouMean(find.site(code), `Use the site code of ${what} declared in this document.`);

    for (const s of model.secondaries) {
      if (model.siteByCode.has(s.parent!)) continue;
      report({
        object: s.ref,
        path: [...s.path, "parent"],
        message: `has parent "${s.parent}", which is not a site of this document`,
        fix: siteFix(s.parent!, "a primary site (primarySites)"),
      });
    }

    const dps = model.dps;
    for (let d = 0; d < dps.length; d++) {
      const dp = dps[d];
      if (!dp.site) {
        report({
          object: dp.ref,
          path: [...dp.path, "site"],
          message: `belongs to site "${dp.doc.site}", which is not a site of this document`,
          fix: siteFix(dp.doc.site, "a primary or secondary site"),
        });
      }
      // dp.groups holds each group its names resolve to, once: as many groups as names means
      // every name resolved, without a lookup per name.
      const names = dp.doc.boundaryGroups;
      if (dp.groups.length !== names.length) {
        for (let i = 0; i < names.length; i++) {
          const name = names[i];
          if (model.groupByKey.has(groupKey(name))) continue;
          report({
            object: dp.ref,
            path: [...dp.path, "boundaryGroups", i],
            message: `lists boundary group "${name}", which is not a boundary group of this document`,
            fix: didYouMean(find.group(name), "Use the name of a group declared under boundaryGroups, or declare the group."),
          });
        }
      }
      const sources = dp.doc.pull?.sources;
      if (!sources) continue;
      for (let i = 0; i < sources.length; i++) {
        const source = sources[i];
        if (model.dpByServer.has(source.server)) continue;
        const siteServer = model.siteByServer.get(source.server);
        const hint = siteServer
          ? `${source.server} is the site server of ${siteServer.ref}; if it hosts a distribution point, declare that DP under distributionPoints.`
          : "A pull source must be a distribution point declared under distributionPoints.";
        report({
          object: dp.ref,
          path: [...dp.path, "pull", "sources", i, "server"],
          message: `pulls content from "${source.server}", which is not a distribution point of this document`,
          fix: didYouMean(find.dp(source.server), hint),
        });
      }
    }

    const groups = model.groups;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      const site = g.doc.assignedSite;
      if (site === undefined || model.siteByCode.has(site)) continue;
      report({
        object: g.ref,
        path: [...g.path, "assignedSite"],
        message: `is assigned to site "${site}", which is not a site of this document`,
        fix: siteFix(site, "a primary site"),
      });
    }

    model.doc.waivers.forEach((w, i) => {
      const problem = waiverObjectProblem(model, find, w.object);
      if (!problem) return;
      report({
        object: "hierarchy",
        path: ["waivers", i, "object"],
        message: `has waiver ${i + 1} (${w.rule}) on "${w.object}", ${problem.message}`,
        fix: problem.fix,
      });
    });
  },
};
export default rule;
