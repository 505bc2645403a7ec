import type { DocPath } from "../topology/load";
import { netbiosOf } from "../topology/model";
import { n } from "./format";
import type { Report, Rule } from "./types";

const FQDN_MAX = 253;
const LABEL_MAX = 63;
const NETBIOS_MAX = 15;
const LABEL = /^[A-Za-z0-9-]+$/;
const DOT = 46;
const HYPHEN = 45;
/** Characters a NetBIOS domain name may not contain (the rule's list), and no spaces. */
const DOMAIN_FORBIDDEN = /[\\/:*?"<>|.\s]/;

/** Why `name` is not a valid FQDN, or undefined when it is one. */
export function fqdnProblem(name: string): string | undefined {
  if (name.length > FQDN_MAX) return `is ${n(name.length)} characters long; an FQDN has at most ${FQDN_MAX}`;
  if (name.endsWith(".")) return "ends with a dot; write the name without the trailing dot";
  const labels = name.split(".");
  if (labels.length < 2) return "is a single label, not a fully qualified domain name (host.domain)";
  for (const label of labels) {
    if (label === "") return "has an empty label (two dots in a row, or a leading dot)";
    if (label.length > LABEL_MAX) return `has the label "${label}" of ${n(label.length)} characters; a label has at most ${LABEL_MAX}`;
    if (!LABEL.test(label)) return `has the label "${label}" with characters other than letters, digits and hyphens`;
    if (label.startsWith("-") || label.endsWith("-")) return `has the label "${label}", which starts or ends with a hyphen`;
  }
  return undefined;
}

/**
 * fqdnProblem(name) === undefined, in one pass over the characters and without splitting: every
 * server of a large hierarchy is checked, and almost all of them are valid.
 */
export function isFqdn(name: string): boolean {
  const length = name.length;
  if (length > FQDN_MAX) return false;
  let labels = 0;
  let start = 0;
  for (let i = 0; i < length; i++) {
    const c = name.charCodeAt(i);
    if (c === DOT) {
      if (!isLabel(name, start, i)) return false;
      labels++;
      start = i + 1;
    } else if (!isLabelCharacter(c)) {
      return false;
    }
  }
  return labels >= 1 && isLabel(name, start, length);
}

/** A letter (either case: `| 32` lower-cases exactly A–Z), a digit or a hyphen; range tests as unsigned compares. */
const isLabelCharacter = (c: number): boolean => ((c | 32) - 97) >>> 0 <= 25 || (c - 48) >>> 0 <= 9 || c === HYPHEN;

/** name[start, end) has 1–63 characters and no hyphen at either end (its characters are tested by the caller). */
const isLabel = (name: string, start: number, end: number): boolean =>
  end > start && end - start <= LABEL_MAX && name.charCodeAt(start) !== HYPHEN && name.charCodeAt(end - 1) !== HYPHEN;

/** Reports `name`, which isFqdn rejected, with what is wrong with it. */
function reportFqdn(report: Report, object: string, path: DocPath, what: string, name: string): void {
  const problem = fqdnProblem(name);
  if (problem === undefined) return;
  report({
    object,
    path,
    message: `has ${what} "${name}", which is not a valid FQDN: it ${problem}`,
    fix: "Give the host's fully qualified domain name, e.g. cm01.lab.local: labels of 1–63 letters, digits or hyphens (no hyphen at either end), 253 characters in all.",
  });
}

/** The length of the first label of a valid FQDN (its NetBIOS name: ASCII, so upper-casing keeps the length). */
const netbiosLength = (fqdn: string): number => fqdn.indexOf(".");

function reportNetbios(report: Report, object: string, path: DocPath, domain: string, name: string, account: string): void {
  const netbios = netbiosOf(name).toUpperCase();
  report({
    object,
    path,
    message:
      `has server "${name}", whose NetBIOS name "${netbios}" (its first label) has ${n(netbios.length)} characters; ` +
      `a NetBIOS computer name has at most ${NETBIOS_MAX}, and ${account} ${domain}\\${netbios}$ is built from it`,
    limit: NETBIOS_MAX,
    actual: netbios.length,
    fix: `Use a host whose first DNS label is at most ${NETBIOS_MAX} characters (Windows truncates longer computer names for NetBIOS).`,
  });
}

const rule: Rule = {
  id: "HOST-NAME",
  severity: "error",
  title: "Every server is a valid FQDN whose first label (NetBIOS name) is at most 15 characters; domain is a valid NetBIOS domain name.",
  sources: ["S-SITES"],
  fix: "Correct the host or domain name as the message says.",
  check(model, report) {
    const domain = model.doc.domain;
    checkDomain(domain, report);

    // Paths are built only for a report.
    for (const site of model.sites) {
      if (!isFqdn(site.server)) reportFqdn(report, site.ref, [...site.path, "server"], "site server", site.server);
      else if (netbiosLength(site.server) > NETBIOS_MAX) {
        reportNetbios(report, site.ref, [...site.path, "server"], domain, site.server, "the site server's computer account");
      }
    }
  },
  checkDps(dps, model, report) {
    const domain = model.doc.domain;
    for (const dp of dps) {
      if (!isFqdn(dp.server)) reportFqdn(report, dp.ref, [...dp.path, "server"], "server", dp.server);
      else if (netbiosLength(dp.server) > NETBIOS_MAX) {
        reportNetbios(report, dp.ref, [...dp.path, "server"], domain, dp.server, "the computer account");
      }
      // Pull sources are DPs (their own entry gets the NetBIOS check) and a proxy need not run
      // Windows, so these two get the FQDN check only.
      const sources = dp.doc.pull?.sources;
      if (sources) {
        for (let i = 0; i < sources.length; i++) {
          const server = sources[i].server;
          if (!isFqdn(server)) reportFqdn(report, dp.ref, [...dp.path, "pull", "sources", i, "server"], "pull source", server);
        }
      }
      const proxy = dp.doc.proxy;
      if (proxy && !isFqdn(proxy.server)) reportFqdn(report, dp.ref, [...dp.path, "proxy", "server"], "proxy server", proxy.server);
    }
  },
};

function checkDomain(domain: string, report: Report): void {
  const path = ["domain"];
  if (domain.includes(".") && !/[\\/:*?"<>|\s]/.test(domain)) {
    const first = domain.split(".")[0];
    report({
      object: "hierarchy",
      path,
      message: `has domain "${domain}", which is a DNS domain name; domain is the NetBIOS name of the site servers' AD domain (no dots)`,
      fix: `Give the domain's NetBIOS name${first && first.length <= NETBIOS_MAX ? ` (often the first label, e.g. ${first})` : ""}; it forms the computer account DOMAIN\\NAME$.`,
    });
    return;
  }
  if (domain.length > NETBIOS_MAX) {
    report({
      object: "hierarchy",
      path,
      message: `has domain "${domain}" of ${n(domain.length)} characters; a NetBIOS domain name has at most ${NETBIOS_MAX}`,
      limit: NETBIOS_MAX,
      actual: domain.length,
      fix: "Give the domain's NetBIOS name (what appears before the backslash in DOMAIN\\user).",
    });
    return;
  }
  if (DOMAIN_FORBIDDEN.test(domain)) {
    report({
      object: "hierarchy",
      path,
      message: `has domain "${domain}", which is not a valid NetBIOS domain name: it may not contain spaces or any of \\ / : * ? " < > | .`,
      fix: "Give the domain's NetBIOS name (what appears before the backslash in DOMAIN\\user).",
    });
  }
}

export default rule;
