import { OS_MATRIX } from "./data/os-matrix";
import { groupNames, loadPath } from "./dp-clients-max";
import { n } from "./format";
import type { Rule } from "./types";

export const CLIENT_OS_CONNECTIONS = 20;

/**
 * The seed's "20 concurrent connections" (rules.md note) are two different client-Windows limits:
 * - 20: the client Windows licence lets at most 20 other devices use its file, print and IIS
 *   services at once (limits-sources.md DPOS-CLIENT-20).
 * - 10: IIS on client Windows (Pro/Enterprise/Ultimate) executes at most 10 requests at once and
 *   queues the rest (S-IIS, MicrosoftDocs/iis-docs iis/troubleshoot/request-restrictions.md;
 *   windows-commands.md marks the figure for current Windows releases UNCONFIRMED).
 */
const LIMITS =
  `the ${CLIENT_OS_CONNECTIONS} is the client Windows licence limit of ${CLIENT_OS_CONNECTIONS} inbound connections ` +
  "(at most 20 other devices using its file, print and IIS services at once), " +
  "and IIS on client Windows handles only 10 requests concurrently and queues the rest";

const rule: Rule = {
  id: "CLIENT-OS-CONNECTIONS",
  severity: "error",
  title: "A DP on client Windows serves at most 20 clients, unless another DP of its boundary groups can take over.",
  value: "20",
  sources: ["SEED", "S-IIS"],
  fix: "Host the DP on Windows Server, or add DPs to its boundary groups so that each client-OS DP serves at most 20 clients.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (!dp.clientOs || dp.load <= CLIENT_OS_CONNECTIONS) continue;
      const os = OS_MATRIX[dp.doc.os].label;
      const alone = dp.groups.filter((g) => g.dps.length === 1 && (g.doc.clients ?? 0) > CLIENT_OS_CONNECTIONS);
      if (alone.length > 0) {
        const counts =
          alone.length === 1
            ? `${n(alone[0].doc.clients ?? 0)} clients`
            : `${alone.map((g) => `"${g.name}" has ${n(g.doc.clients ?? 0)}`).join(", ")} clients`;
        report({
          object: dp.ref,
          path: loadPath(dp),
          severity: "error",
          message:
            `runs ${os} and serves ${n(dp.load)} clients as the only DP of ${groupNames(alone)} (${counts}, no failover); ` +
            `${LIMITS}`,
          limit: CLIENT_OS_CONNECTIONS,
          actual: dp.load,
          fix: `Add a second DP to ${groupNames(alone)} (ideally on Windows Server), or host this DP on Windows Server.`,
        });
      } else {
        const failover = dp.groups.length > 0 && dp.groups.every((g) => g.dps.length > 1);
        report({
          object: dp.ref,
          path: loadPath(dp),
          severity: "warning",
          message:
            `runs ${os} and serves ${n(dp.load)} clients, more than ${CLIENT_OS_CONNECTIONS}` +
            (failover ? " (other DPs of its boundary groups can take over)" : "") +
            `; ${LIMITS}`,
          limit: CLIENT_OS_CONNECTIONS,
          actual: dp.load,
          fix: "Host the DP on Windows Server, or add DPs to its boundary groups so that each client-OS DP serves at most 20 clients.",
        });
      }
    }
  },
};
export default rule;
