import { z } from "zod";

/**
 * The topology document of shared/docs/topology-format.md (format v1) as a zod schema.
 * Shape and types only: formats with their own rule id (site codes, host names, versions,
 * boundary values …) are checked by the rules, so that each message names its rule.
 * Every object is strict: an unknown field is a SCHEMA error, so a typo never passes.
 */

/** Any text from the document ends up inside PowerShell literals: control characters never pass. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/; // no g flag: test() keeps no state between strings
const text = z
  .string()
  .min(1, "must not be empty")
  .max(1024, "must be at most 1024 characters")
  .refine((s) => !CONTROL.test(s), "must not contain control characters or line breaks");

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveInt = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const CLIENT_OS = ["windows-7", "windows-8", "windows-8.1", "windows-10", "windows-11"] as const;
export const SERVER_OS = [
  "windows-server-2003",
  "windows-server-2008",
  "windows-server-2008-r2",
  "windows-server-2012",
  "windows-server-2012-r2",
  "windows-server-2016",
  "windows-server-2019",
  "windows-server-2022",
  "windows-server-2025",
] as const;
export const OS_IDS = [...CLIENT_OS, ...SERVER_OS] as const;
export const EDITIONS = [
  "home", "professional", "enterprise", "ultimate", "education", "pro-education", "pro-for-workstations",
  "standard", "datacenter", "datacenter-azure-edition",
] as const;
export const ARCHITECTURES = ["x86", "x64", "arm64"] as const;
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export const PRIORITIES = ["lowest", "low", "medium", "high", "highest"] as const;
export const UDA = ["doNotUse", "allowWithManualApproval", "allowWithAutomaticApproval"] as const;

const cas = z.strictObject({
  siteCode: text,
  name: text.optional(),
  server: text,
  sqlEdition: z.enum(["standard", "enterprise"]).optional(),
  clients: count.optional(),
});

const primarySite = z.strictObject({
  siteCode: text,
  name: text.optional(),
  server: text,
  clients: count.optional(),
});

const secondarySite = z.strictObject({
  siteCode: text,
  name: text.optional(),
  parent: text,
  server: text,
  clients: count.optional(),
  maxClientsPerDistributionPoint: positiveInt.optional(),
});

/** Each boundary has exactly one key, its type. */
export const BOUNDARY_TYPES = ["ipSubnet", "ipRange", "adSite", "ipv6Prefix", "vpn"] as const;
export type BoundaryType = (typeof BOUNDARY_TYPES)[number];
const boundary = z
  .strictObject({
    ipSubnet: text.optional(),
    ipRange: text.optional(),
    adSite: text.optional(),
    ipv6Prefix: text.optional(),
    vpn: text.optional(),
  })
  .refine((b) => oneKey(b), "a boundary has exactly one key: ipSubnet, ipRange, adSite, ipv6Prefix or vpn");

/** Exactly one own key (counted without building the key list: a large hierarchy has a boundary per DP). */
function oneKey(b: object): boolean {
  let keys = 0;
  for (const key in b) if (Object.hasOwn(b, key) && ++keys > 1) return false;
  return keys === 1;
}

const boundaryGroup = z.strictObject({
  name: text,
  assignedSite: text.optional(),
  clients: count.optional(),
  description: text.optional(),
  boundaries: z.array(boundary).max(100_000).default([]),
});

const drive = text.describe('a drive letter A–Z or "automatic"');

const distributionPoint = z.strictObject({
  server: text,
  site: text,
  os: z.enum(OS_IDS),
  edition: z.enum(EDITIONS),
  architecture: z.enum(ARCHITECTURES),
  serverCore: z.boolean().default(false),
  hardware: z.strictObject({ cores: positiveInt, memoryGB: z.number().positive().max(1_000_000) }),
  disks: z.array(z.strictObject({ drive: text, freeGB: z.number().min(0).max(1e9) })).max(26).optional(),
  boundaryGroups: z.array(text).max(10_000).default([]),
  clients: count.optional(),
  content: z
    .strictObject({
      packages: count.default(0),
      applications: count.default(0),
      sizeGB: z.number().min(0).max(1e9).optional(),
    })
    .optional(),
  prepareHost: z.boolean().default(true),
  hostHas: z.strictObject({ features: z.boolean().default(false), localAdmin: z.boolean().default(false) }).optional(),
  installIIS: z.boolean().default(false),
  storage: z
    .strictObject({
      primaryContentLibrary: drive.optional(),
      secondaryContentLibrary: drive.optional(),
      primaryPackageShare: drive.optional(),
      secondaryPackageShare: drive.optional(),
      minimumFreeSpaceMB: count.optional(),
    })
    .optional(),
  clientConnection: z.enum(["http", "https"]).default("http"),
  /** Added field (the cmdlet's -ClientConnectionType): which clients may use the DP. */
  clientConnectionType: z.enum(["intranet", "internet", "internetAndIntranet"]).default("intranet"),
  description: text.optional(),
  pull: z
    .strictObject({
      sources: z.array(z.strictObject({ server: text, rank: z.number().max(1e9).min(-1e9) })).max(1000),
    })
    .optional(),
  pxe: z
    .strictObject({
      enabled: z.boolean().default(true),
      responderWithoutWds: z.boolean().default(false),
      allowResponse: z.boolean().default(true),
      unknownComputers: z.boolean().default(false),
      responseDelaySeconds: z.number().int().min(-1e9).max(1e9).default(0),
      userDeviceAffinity: z.enum(UDA).default("doNotUse"),
      passwordSecret: text.optional(),
    })
    .optional(),
  multicast: z
    .strictObject({
      enabled: z.boolean().default(true),
      addressRange: z.strictObject({ start: text, end: text }).optional(),
      udpPorts: z
        .strictObject({ start: z.number().int().min(-1e9).max(1e9), end: z.number().int().min(-1e9).max(1e9) })
        .optional(),
      maxClients: positiveInt.optional(),
    })
    .optional(),
  contentValidation: z
    .strictObject({
      schedule: z.strictObject({
        recur: text,
        day: text.optional(),
        at: text,
      }),
      priority: z.enum(PRIORITIES).default("lowest"),
    })
    .optional(),
  proxy: z.strictObject({ server: text, port: z.number().int().min(1).max(65535).default(80) }).optional(),
});

/**
 * The NetBIOS domain goes into DOMAIN\NAME$ inside the scripts: ASCII letters, digits, hyphens and
 * underscores. Dots, spaces, the characters \/:*?"<>| and the length are left to HOST-NAME, which
 * explains each of them (a DNS name given instead of the NetBIOS one, a 16-character name …).
 */
const netbiosDomain = text.refine(
  (s) => /^[A-Za-z0-9_\-.\s\\/:*?"<>|]*$/.test(s),
  "must be a NetBIOS domain name such as CONTOSO: ASCII letters, digits, hyphens and underscores only (no quotes, $, parentheses or other punctuation)",
);

const waiver = z.strictObject({ rule: text, object: text, reason: z.string().max(4096) });

export const topologySchema = z.strictObject({
  $schema: z.string().max(4096).optional(),
  configMgrVersion: text,
  domain: netbiosDomain,
  cas: cas.optional(),
  primarySites: z.array(primarySite).min(1, "at least one primary site is required").max(100_000),
  secondarySites: z.array(secondarySite).max(1_000_000).default([]),
  boundaryGroups: z.array(boundaryGroup).max(10_000_000).default([]),
  distributionPoints: z.array(distributionPoint).max(10_000_000).default([]),
  waivers: z.array(waiver).max(100_000).default([]),
});

/** What a user writes (defaults not yet applied). */
export type TopologyInput = z.input<typeof topologySchema>;
/** The document after parsing, with defaults applied. */
export type TopologyDoc = z.output<typeof topologySchema>;
export type CasSite = TopologyDoc["cas"] & {};
export type PrimarySiteDoc = TopologyDoc["primarySites"][number];
export type SecondarySiteDoc = TopologyDoc["secondarySites"][number];
export type BoundaryGroupDoc = TopologyDoc["boundaryGroups"][number];
export type BoundaryDoc = BoundaryGroupDoc["boundaries"][number];
export type DistributionPointDoc = TopologyDoc["distributionPoints"][number];
export type WaiverDoc = TopologyDoc["waivers"][number];
export type OsId = (typeof OS_IDS)[number];
