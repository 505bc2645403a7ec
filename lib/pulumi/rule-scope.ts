/**
 * Which rules a single object's check can decide, and which input fields each rule reads.
 * One place, printed in the README ("Using it from Pulumi").
 */

/**
 * Decided only over the whole document, by the Topology resource of a Hierarchy: they compare
 * objects with each other (uniqueness, cycles, overlaps, sums) or report on objects that have
 * no resource of their own (the CAS, `hierarchy`).
 */
export const TOPOLOGY_ONLY_RULES: readonly string[] = [
  "VERSION-FORMAT",
  "NAME-UNIQUE",
  "SITECODE-UNIQUE",
  "CAS-PRIMARY-MAX",
  "HIERARCHY-CLIENTS-MAX",
  "PULLDP-CYCLE",
  "BG-OVERLAP",
  "WAIVER-INVALID",
  "WAIVER-UNUSED",
];

/**
 * Need facts about other objects (their kind, counts, clients). A component declared on its own,
 * without a document, skips them; inside a Hierarchy its `context` input carries the facts.
 */
export const NEEDS_CONTEXT_RULES: readonly string[] = [
  "REF-UNKNOWN",
  "SERVER-ONE-SITE",
  "SITE-PARENT",
  "PRIMARY-SECONDARY-MAX",
  "DP-PER-SITE-MAX",
  "PULLDP-PER-SITE-MAX",
  "DP-PER-PRIMARY-TREE-MAX",
  "DP-NOT-ON-CAS",
  "SITE-CLIENTS-MAX",
  "DP-CLIENTS-SECONDARY-HW",
  "CLIENT-OS-CONNECTIONS",
  "PULLDP-SOURCE-SITE",
  "BG-SITE-ASSIGN",
  "BG-NO-DP",
];

/**
 * Decided from the object's own fields (plus configMgrVersion and domain when given): they apply
 * to a component on its own too. DP-CLIENTS-MAX on its own sees only a declared `clients`;
 * PULLDP-NOT-SITE-SERVER only the DP's own `siteServer`; PULLDP-SOURCES does not check that the
 * sources exist.
 */
export const LOCAL_RULES: readonly string[] = [
  "SCHEMA",
  "HOST-NAME",
  "SITECODE-FORMAT",
  "SITECODE-RESERVED",
  "DP-CLIENTS-MAX",
  "DP-CONTENT-MAX",
  "DP-DISK-SPACE",
  "DP-OS-SUPPORTED",
  "DP-OS-LIFECYCLE",
  "DP-OS-EDITION",
  "DP-OS-ARCH",
  "DP-SERVER-CORE",
  "DP-HW-MIN",
  "DP-PREREQ-FEATURES",
  "DP-LOCAL-ADMIN",
  "DP-STORAGE",
  "DP-FREE-SPACE-DEFAULT",
  "PULLDP-VERSION",
  "PULLDP-SOURCES",
  "PULLDP-NOT-SITE-SERVER",
  "PXE-CLIENT-OS",
  "PXE-NOWDS-VERSION",
  "PXE-DELAY",
  "MCAST-HOST",
  "MCAST-PXE-NOWDS",
  "MCAST-RANGE",
  "CV-SCHEDULE",
  "HTTPS-INTERNET",
  "BND-FORMAT",
  "BND-VPN-VERSION",
  "DP-NO-BG",
];

/** Rules whose verdict depends on configMgrVersion even where they do not declare it. */
const VERSION_DEPENDENT = [
  "SITE-CLIENTS-MAX",
  "HIERARCHY-CLIENTS-MAX",
  "DP-FREE-SPACE-DEFAULT",
  "DP-DISK-SPACE",
  "DP-OS-EDITION",
  "DP-OS-SUPPORTED",
  "DP-OS-LIFECYCLE",
  "PULLDP-VERSION",
  "PXE-CLIENT-OS",
  "PXE-NOWDS-VERSION",
  "BND-VPN-VERSION",
];

const OS_RULES = [
  "DP-OS-SUPPORTED",
  "DP-OS-LIFECYCLE",
  "DP-OS-EDITION",
  "DP-OS-ARCH",
  "DP-SERVER-CORE",
  "DP-PREREQ-FEATURES",
  "PXE-CLIENT-OS",
  "MCAST-HOST",
  "CLIENT-OS-CONNECTIONS",
];
const LOAD_RULES = ["DP-CLIENTS-MAX", "DP-CLIENTS-SECONDARY-HW", "CLIENT-OS-CONNECTIONS"];
const PULL_RULES = [
  "PULLDP-VERSION",
  "PULLDP-SOURCES",
  "PULLDP-NOT-SITE-SERVER",
  "PULLDP-SOURCE-SITE",
  "PULLDP-CYCLE",
  "PULLDP-PER-SITE-MAX",
  "DP-PER-SITE-MAX",
  "REF-UNKNOWN",
];

/**
 * When a top-level input field is unknown (preview), every finding of these rules is dropped,
 * wherever it points: they read the field even where their finding points elsewhere (an
 * unknown `os` makes the edition check meaningless). Findings that point into the unknown
 * field are dropped for every rule. `*` = every rule.
 */
export const RULES_READING: Readonly<Record<string, readonly string[]>> = {
  // common
  configMgrVersion: VERSION_DEPENDENT,
  domain: ["HOST-NAME", "DP-LOCAL-ADMIN"],
  siteServer: ["PULLDP-NOT-SITE-SERVER", "SERVER-ONE-SITE", "DP-LOCAL-ADMIN"],
  context: ["*"],
  waivers: ["*"],
  // distribution point
  // A secondary site's own DP (server = the secondary's server) reserves another default (issue 11).
  server: ["HOST-NAME", "NAME-UNIQUE", "SERVER-ONE-SITE", "PULLDP-NOT-SITE-SERVER", "PULLDP-SOURCES", "PULLDP-CYCLE", "DP-LOCAL-ADMIN", "REF-UNKNOWN", "DP-FREE-SPACE-DEFAULT", "DP-DISK-SPACE"],
  site: ["REF-UNKNOWN", "SERVER-ONE-SITE", "DP-NOT-ON-CAS", "DP-CLIENTS-SECONDARY-HW", "PULLDP-SOURCE-SITE", "PULLDP-NOT-SITE-SERVER", "DP-LOCAL-ADMIN", "DP-FREE-SPACE-DEFAULT", "DP-DISK-SPACE"],
  os: OS_RULES,
  edition: ["DP-OS-EDITION"],
  architecture: ["DP-OS-ARCH"],
  serverCore: ["DP-SERVER-CORE", "PXE-CLIENT-OS", "MCAST-HOST", "DP-PREREQ-FEATURES"],
  hardware: ["DP-HW-MIN"],
  disks: ["DP-DISK-SPACE"],
  boundaryGroups: ["REF-UNKNOWN", "DP-NO-BG", ...LOAD_RULES],
  clients: [...LOAD_RULES, "SITE-CLIENTS-MAX", "HIERARCHY-CLIENTS-MAX", "BG-NO-DP"],
  content: ["DP-CONTENT-MAX", "DP-DISK-SPACE"],
  prepareHost: ["DP-PREREQ-FEATURES", "DP-LOCAL-ADMIN"],
  hostHas: ["DP-PREREQ-FEATURES", "DP-LOCAL-ADMIN"],
  installIIS: ["DP-PREREQ-FEATURES"],
  storage: ["DP-STORAGE", "DP-DISK-SPACE", "DP-FREE-SPACE-DEFAULT"],
  clientConnection: ["HTTPS-INTERNET"],
  clientConnectionType: ["HTTPS-INTERNET"],
  pull: PULL_RULES,
  pxe: ["PXE-CLIENT-OS", "PXE-NOWDS-VERSION", "PXE-DELAY", "MCAST-PXE-NOWDS"],
  multicast: ["MCAST-HOST", "MCAST-PXE-NOWDS", "MCAST-RANGE"],
  contentValidation: ["CV-SCHEDULE"],
  // sites
  siteCode: ["SITECODE-FORMAT", "SITECODE-RESERVED", "SITECODE-UNIQUE", "REF-UNKNOWN", "SITE-PARENT", "WAIVER-INVALID"],
  parent: ["SITE-PARENT", "REF-UNKNOWN", "SITE-CLIENTS-MAX"],
  maxClientsPerDistributionPoint: ["DP-CLIENTS-SECONDARY-HW"],
  // boundary groups
  name: ["NAME-UNIQUE", "REF-UNKNOWN", "BG-NO-DP"],
  assignedSite: ["BG-SITE-ASSIGN", "REF-UNKNOWN", "BG-OVERLAP"],
  boundaries: ["BND-FORMAT", "BND-VPN-VERSION", "BG-OVERLAP"],
};

/** Every rule id the tables above know (a rule outside them is treated conservatively). */
export const CLASSIFIED_RULES: ReadonlySet<string> = new Set([...TOPOLOGY_ONLY_RULES, ...NEEDS_CONTEXT_RULES, ...LOCAL_RULES]);
