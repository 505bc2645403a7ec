import type { OsId } from "../topology/schema";
import type { Version } from "../topology/version";
import { atLeast } from "../topology/version";
import { OS_MATRIX, type OsFacts } from "./data/os-matrix";
import type { Rule } from "./types";

const SERVER_ONLY = new Set(["standard", "datacenter", "datacenter-azure-edition"]);
const CLIENT_ONLY = new Set(["home", "professional", "ultimate", "education", "pro-education", "pro-for-workstations"]);

/** The editions of `os` supported at `version`; every edition the OS ever had when the version is unknown. */
export function editionsAt(os: OsFacts, version: Version | undefined): string[] {
  const later = Object.entries(os.editionsFrom ?? {});
  return [...os.editions, ...later.filter(([, from]) => !version || atLeast(version, from)).map(([edition]) => edition)];
}

const rule: Rule = {
  id: "DP-OS-EDITION",
  severity: "error",
  title:
    "The DP host's edition is one supported for its OS at the version: professional, enterprise, ultimate (Windows 7), education, pro-education and pro-for-workstations (Windows 10 from 2107, Windows 11); standard or datacenter on Windows Server, datacenter-azure-edition on 2022 and 2025; never home.",
  sources: ["S-OS"],
  fix: "Host the DP on a supported edition of its OS.",
  checkDps(dps, model, report) {
    // The supported editions depend on the OS alone: listed once per OS, not per DP.
    const editionsOf = new Map<OsId, string[]>();
    for (const dp of dps) {
      const { os: osId, edition } = dp.doc;
      const os = OS_MATRIX[osId];
      let editions = editionsOf.get(osId);
      if (!editions) editionsOf.set(osId, (editions = editionsAt(os, model.version)));
      if (editions.includes(edition)) continue;
      let why: string;
      const from = os.editionsFrom?.[edition];
      if (edition === "home") {
        why = "Home editions are never supported as a distribution point host: their IIS has no Windows Authentication";
      } else if (os.client && SERVER_ONLY.has(edition)) {
        why = `"${edition}" is a Windows Server edition, and ${os.label} is a client OS`;
      } else if (!os.client && CLIENT_ONLY.has(edition)) {
        why = `"${edition}" is a client Windows edition, and ${os.label} is a server OS`;
      } else if (from && model.version) {
        why =
          `ConfigMgr ${model.version.label} supports ${os.label} as a distribution point host in the ${editions.join(", ")} editions only; ` +
          `the ${edition} edition is supported from ${from} on`;
      } else {
        why = `${os.label} is supported as a distribution point host in the ${editions.join(", ")} editions only`;
      }
      report({
        object: dp.ref,
        path: [...dp.path, "edition"],
        message: `runs the ${edition} edition of ${os.label}; ${why}`,
        fix:
          from && model.version
            ? `Use the ${editions.join(" or ")} edition of ${os.label}, or upgrade the hierarchy to ${from} or later.`
            : `Use one of the supported editions of ${os.label} (${editions.join(", ")}), or declare the edition the host really runs.`,
      });
    }
  },
};
export default rule;
