import { ACCEPTED_VERSIONS, CURRENT_BRANCH_RELEASES } from "../topology/version";
import type { Rule } from "./types";

const FIRST_CB = CURRENT_BRANCH_RELEASES[0];
const LAST_CB = CURRENT_BRANCH_RELEASES[CURRENT_BRANCH_RELEASES.length - 1];
const FAMILY_2012 = ACCEPTED_VERSIONS.filter((label) => !(CURRENT_BRANCH_RELEASES as readonly string[]).includes(label));
const SPELLINGS = `${FAMILY_2012.map((label) => `"${label}"`).join(", ")}, or a current-branch release "${FIRST_CB}" … "${LAST_CB}" (YYMM, as a string)`;

/** The known current-branch release(s) nearest to a YYMM number, for "did you mean". */
function closestReleases(yymm: number): string[] {
  let before: string | undefined;
  for (const release of CURRENT_BRANCH_RELEASES) {
    if (Number(release) > yymm) return before ? [before, release] : [release];
    before = release;
  }
  return [LAST_CB];
}

const rule: Rule = {
  id: "VERSION-FORMAT",
  severity: "error",
  title: "configMgrVersion is one of the accepted version strings.",
  sources: ["FORMAT"],
  fix: `Set configMgrVersion to one of ${SPELLINGS}.`,
  structural: true,
  check(model, report) {
    if (model.version) return;
    const raw = model.doc.configMgrVersion;
    const written = raw.trim();
    const path = ["configMgrVersion"];
    const object = "hierarchy";

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
    if (yymm !== undefined && yymm > Number(LAST_CB)) {
      report({
        object,
        path,
        message: `declares configMgrVersion "${written}", a release newer than this library knows: it knows releases up to ${LAST_CB}, and its limits and OS tables stop there`,
        fix: `Upgrade pulumi-configmgr to a version that knows ${written}, or declare the closest known release ("${LAST_CB}") if its limits still apply to your sites.`,
      });
      return;
    }
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
