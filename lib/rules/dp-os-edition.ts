import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

const SERVER_ONLY = new Set(["standard", "datacenter"]);
const CLIENT_ONLY = new Set(["home", "professional", "ultimate", "education"]);

const rule: Rule = {
  id: "DP-OS-EDITION",
  severity: "error",
  title: "The DP host's edition is one supported for its OS: professional, enterprise, ultimate (Windows 7), education (10/11); standard or datacenter on Windows Server; never home.",
  sources: ["S-OS"],
  fix: "Host the DP on a supported edition of its OS.",
  check(model, report) {
    for (const dp of model.dps) {
      const { os: osId, edition } = dp.doc;
      const os = OS_MATRIX[osId];
      if (os.editions.includes(edition)) continue;
      let why: string;
      if (edition === "home") {
        why = "Home editions are never supported as a distribution point host: their IIS has no Windows Authentication";
      } else if (os.client && SERVER_ONLY.has(edition)) {
        why = `"${edition}" is a Windows Server edition, and ${os.label} is a client OS`;
      } else if (!os.client && CLIENT_ONLY.has(edition)) {
        why = `"${edition}" is a client Windows edition, and ${os.label} is a server OS`;
      } else {
        why = `${os.label} is supported as a distribution point host in the ${os.editions.join(", ")} editions only`;
      }
      report({
        object: dp.ref,
        path: [...dp.path, "edition"],
        message: `runs the ${edition} edition of ${os.label}; ${why}`,
        fix: `Use one of the supported editions of ${os.label} (${os.editions.join(", ")}), or declare the edition the host really runs.`,
      });
    }
  },
};
export default rule;
