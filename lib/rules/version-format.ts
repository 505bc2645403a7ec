import { ACCEPTED_VERSIONS, CURRENT_BRANCH_RELEASES } from "../topology/version";
import type { Rule } from "./types";

const FIRST_CB = CURRENT_BRANCH_RELEASES[0];
const LAST_CB = CURRENT_BRANCH_RELEASES[CURRENT_BRANCH_RELEASES.length - 1];
const FAMILY_2012 = ACCEPTED_VERSIONS.filter((label) => !(CURRENT_BRANCH_RELEASES as readonly string[]).includes(label));
const SPELLINGS = `${FAMILY_2012.map((label) => `"${label}"`).join(", ")}, or a current-branch release "${FIRST_CB}" … "${LAST_CB}" (YYMM, as a string; a newer YYMM is accepted with a warning)`;

/** The known current-branch release(s) nearest to a YYMM number, for "did you mean". */
function closestReleases(yymm: number): string[] {
  let before: string | undefined;
  for (const release of CURRENT_BRANCH_RELEASES) {
    if (Number(release) > yymm) return before ? [before, release] : [release];
    before = release;
  }
  return [LAST_CB];
}

/**
 * A well-formed current-branch YYMM newer than the newest release the library knows is a
 * warning, never an error (issue 11: a new release must not break every pipeline the day it
 * ships): the document is checked with the newest known facts, and the warning says which.
 * Kept under VERSION-FORMAT (a finding may lower the rule's severity, as CLIENT-OS-CONNECTIONS
 * does) rather than a new id, so that the contract of rules.md gains no rule the Pulumi layer's
 * rule scopes would have to learn.
 */
const rule: Rule = {
  id: "VERSION-FORMAT",
  severity: "error",
  title: `configMgrVersion is one of the accepted version strings; a current-branch YYMM newer than ${LAST_CB} is a warning and is checked with the facts of ${LAST_CB}.`,
  sources: ["FORMAT"],
  fix: `Set configMgrVersion to one of ${SPELLINGS}.`,
  structural: true,
  check(model, report) {
    const raw = model.doc.configMgrVersion;
    const written = raw.trim();
    const path = ["configMgrVersion"];
    const object = "hierarchy";
    if (model.version?.newerThanKnown) {
      const known = model.version.newerThanKnown;
      report({
        object,
        path,
        severity: "warning",
        message:
          `declares configMgrVersion "${model.version.label}", a release newer than this library knows (it knows releases up to ${known}); ` +
          `the document is checked with the limits and OS tables of ${known}, which may have changed in ${model.version.label}`,
        fix: `Upgrade pulumi-configmgr to a version that knows ${model.version.label}, or declare "${known}" to silence this warning if ${known}'s limits still apply to your sites.`,
      });
      return;
    }
    if (model.version) return;

    const compact = written.toUpperCase().replace(/\s+/g, "");
    const respaced = ACCEPTED_VERSIONS.find((label) => label.replace(/\s+/g, "") === compact);
    if (respaced) {
      report({
        object,
        path,
        message: `declares configMgrVersion "${raw}", which is not an accepted spelling; accepted: ${SPELLINGS}`,
        fix: `Write it "${respaced}".`,
      });
      return;
    }

    const yymm = /^(\d\d)(0[1-9]|1[0-2])$/.test(written) ? Number(written) : undefined;
    if (yymm !== undefined && yymm > Number(FIRST_CB)) {
      const closest = closestReleases(yymm);
      report({
        object,
        path,
        message: `declares configMgrVersion "${written}", which is not a Configuration Manager current-branch release (the closest are ${closest.join(" and ")}); accepted: ${SPELLINGS}`,
        fix: `Declare the release your sites run, e.g. "${closest[0]}".`,
      });
      return;
    }
    report({
      object,
      path,
      message: `declares configMgrVersion "${raw}", which is not an accepted version; accepted: ${SPELLINGS}`,
    });
  },
};
export default rule;
