import type { BoundaryDoc, BoundaryType } from "../topology/schema";
import {
  cidr4Address,
  cidr4Bounds,
  cidr4Last,
  cidr4Prefix,
  formatIPv4,
  formatIPv6,
  networkOf4,
  networkOf6,
  parseIPv4Range,
  parseIPv6Prefix,
  prefix6Bounds,
} from "./data/ip";
import { n } from "./format";
import type { Rule } from "./types";

/** Subnet boundaries /8 … /32; shorter prefixes are supernets, which ConfigMgr does not support. */
export const SUBNET_PREFIX_MIN = 8;
/**
 * "Configuration Manager matches the first 250 characters of the string" (connection name) and
 * "the first 243 characters" (connection description), with no wildcards or partial strings
 * (S-BND, boundaries.md, VPN section; MicrosoftDocs/memdocs, text of the 2006 VPN boundary type).
 * That is how much ConfigMgr compares, not a maximum length: a longer value is a warning.
 */
const VPN_NAME_MATCHED = 250;
const VPN_DESCRIPTION_MATCHED = 243;
const AD_SITE_MAX = 63;
const AD_SITE_NAME = /^[A-Za-z0-9-]{1,63}$/;
const VPN_VALUE = /^(Name|Description):(.*)$/s;

interface Problem {
  /** Lowers the rule's error to a warning (a VPN value longer than ConfigMgr matches). */
  readonly severity?: "warning";
  readonly message: string;
  readonly fix: string;
  readonly limit?: number;
  readonly actual?: number;
}

/** A boundary read once: its type and value, and either what is wrong with it or what it covers. */
export interface ReadBoundary {
  readonly type: BoundaryType;
  readonly value: string;
  readonly problem?: Problem;
  /** IPv4 subnets and ranges: first and last address. */
  readonly v4?: { readonly start: number; readonly end: number };
  /** IPv6 prefixes: first and last address. */
  readonly v6?: { readonly start: bigint; readonly end: bigint };
  /** VPN names and descriptions: the part ConfigMgr compares (its first 250 / 243 characters). */
  readonly matched?: string;
}

const at = (type: BoundaryType, value: string) => `boundary ${type} "${value}"`;

// Each reader returns the whole ReadBoundary (no spreading of a partial result) and builds its
// messages only on the path that reports: a valid boundary costs one parse and two small objects.

function readSubnet(value: string): ReadBoundary {
  const type = "ipSubnet";
  const address = cidr4Address(value);
  if (address < 0) {
    return {
      type,
      value,
      problem: {
        message: `has ${at(type, value)}, which is not an IPv4 subnet in CIDR form (network address/prefix length)`,
        fix: 'Write the subnet as network address and prefix length, e.g. "192.168.1.0/24"; use ipRange for a span of addresses and ipv6Prefix for IPv6.',
      },
    };
  }
  const prefix = cidr4Prefix(value);
  if (prefix > 32) {
    return {
      type,
      value,
      problem: {
        message: `has ${at(type, value)}, whose prefix length /${prefix} is longer than an IPv4 address (32 bits)`,
        fix: "Use a prefix length from 8 to 32.",
        limit: 32,
        actual: prefix,
      },
    };
  }
  const bounds = cidr4Bounds(address, prefix);
  const { start, end } = bounds;
  if (prefix < SUBNET_PREFIX_MIN) {
    return {
      type,
      value,
      problem: {
        message: `has ${at(type, value)}, a supernet (/${prefix}); ConfigMgr supports subnet boundaries of /${SUBNET_PREFIX_MIN} to /32 only`,
        fix: `Use an ipRange boundary for it instead: ipRange: "${formatIPv4(start)}-${formatIPv4(end)}".`,
        limit: SUBNET_PREFIX_MIN,
        actual: prefix,
      },
    };
  }
  if (address !== start) {
    const network = `${formatIPv4(start)}/${prefix}`;
    return {
      type,
      value,
      problem: {
        message: `has ${at(type, value)}, which is not a network address: the network of ${value} is ${network}`,
        fix: `Use ${network} (ConfigMgr stores a subnet boundary by its subnet ID).`,
      },
    };
  }
  return { type, value, v4: bounds };
}

/**
 * The network address of an ipSubnet value in which readSubnet finds nothing wrong, or -1 (then
 * readSubnet says what is wrong). Allocates nothing: BND-FORMAT and BG-OVERLAP ask it of every
 * subnet (a large hierarchy has 125,000) and build a ReadBoundary only for the others; inside
 * validate, those objects were most of the two rules' garbage (about 45 MB) and of their time.
 */
export function validSubnetStart(value: string): number {
  const address = cidr4Address(value);
  if (address < 0) return -1;
  const prefix = cidr4Prefix(value);
  return prefix >= SUBNET_PREFIX_MIN && prefix <= 32 && networkOf4(address, prefix) === address ? address : -1;
}

/** The last address of a subnet validSubnetStart accepted, given its network address. */
export const validSubnetLast = (value: string, start: number): number => cidr4Last(start, cidr4Prefix(value));

function readRange(value: string): ReadBoundary {
  const type = "ipRange";
  const range = parseIPv4Range(value);
  if (!range) {
    return {
      type,
      value,
      problem: {
        message: `has ${at("ipRange", value)}, which is not an IPv4 address range a.b.c.d-w.x.y.z`,
        fix: 'Write the range as first and last address joined by a hyphen, without spaces, e.g. "192.168.2.10-192.168.2.200" (one address: the same address twice).',
      },
    };
  }
  if (range.start > range.end) {
    const [first, last] = value.split("-");
    return {
      type,
      value,
      problem: {
        message: `has ${at("ipRange", value)}, which starts after it ends`,
        fix: `Write the lower address first: "${last}-${first}".`,
      },
    };
  }
  return { type, value, v4: range };
}

function readIPv6(value: string): ReadBoundary {
  const type = "ipv6Prefix";
  const parsed = parseIPv6Prefix(value);
  if (!parsed) {
    return {
      type,
      value,
      problem: {
        message: `has ${at("ipv6Prefix", value)}, which is not an IPv6 prefix`,
        fix: 'Write the prefix as address/length, e.g. "2001:db8:1::/64", or as the console shows it, the leading groups without "::", e.g. "2001:db8:1:0".',
      },
    };
  }
  const { address, prefix } = parsed;
  if (prefix < 1 || prefix > 128) {
    return {
      type,
      value,
      problem: {
        message: `has ${at("ipv6Prefix", value)}, whose prefix length /${prefix} is outside 1 to 128`,
        fix: "Use a prefix length from 1 to 128 (usually 64).",
        limit: prefix < 1 ? 1 : 128,
        actual: prefix,
      },
    };
  }
  const network = networkOf6(address, prefix);
  if (network !== address) {
    const written = `${formatIPv6(network)}/${prefix}`;
    return {
      type,
      value,
      problem: {
        message: `has ${at("ipv6Prefix", value)}, which is not a prefix: bits beyond the first ${prefix} are set (the prefix is ${written})`,
        fix: `Use ${written}.`,
      },
    };
  }
  return { type, value, v6: prefix6Bounds(address, prefix) };
}

function readAdSite(value: string): ReadBoundary {
  const type = "adSite";
  if (AD_SITE_NAME.test(value)) return { type, value };
  const tooLong = value.length > AD_SITE_MAX;
  return {
    type,
    value,
    problem: {
      message:
        `has ${at("adSite", value)}, which is not a valid Active Directory site name: ` +
        (tooLong
          ? `it has ${n(value.length)} characters, at most ${AD_SITE_MAX} are allowed`
          : "a site name has only letters, digits and hyphens, no spaces, dots or other characters"),
      fix: "Use the site's name exactly as Active Directory Sites and Services shows it, e.g. Default-First-Site-Name.",
      ...(tooLong ? { limit: AD_SITE_MAX, actual: value.length } : {}),
    },
  };
}

function readVpn(value: string): ReadBoundary {
  const type = "vpn";
  if (value === "Auto:On") return { type, value };
  const m = VPN_VALUE.exec(value);
  const fix = 'Write "Auto:On", "Name:<VPN connection name>" or "Description:<VPN adapter description>".';
  if (!m) {
    return { type, value, problem: { message: `has ${at("vpn", value)}, which is not Auto:On, Name:<connection name> or Description:<adapter description>`, fix } };
  }
  const [, kind, text] = m;
  const matched = kind === "Name" ? VPN_NAME_MATCHED : VPN_DESCRIPTION_MATCHED;
  if (text.length === 0) {
    return { type, value, problem: { message: `has ${at("vpn", value)} with an empty ${kind.toLowerCase()}`, fix, limit: 1, actual: 0 } };
  }
  if (text.length > matched) {
    const what = kind === "Name" ? "connection name" : "connection description";
    return {
      type,
      value,
      problem: {
        severity: "warning",
        message:
          `has a vpn boundary whose ${what} is ${n(text.length)} characters long; ConfigMgr matches only the first ${matched} characters of a VPN ${what}, ` +
          `so characters ${matched + 1}–${text.length} are ignored and every ${what} that starts with the same ${matched} characters matches this boundary`,
        fix: `Shorten the ${what} to ${matched} characters that tell your VPN connections apart.`,
        limit: matched,
        actual: text.length,
      },
      matched: `${kind}:${text.slice(0, matched)}`,
    };
  }
  return { type, value };
}

/** The type and value of a boundary (the schema guarantees exactly one key) and what it means. */
export function readBoundary(b: BoundaryDoc): ReadBoundary | undefined {
  // The first own string-valued key, as Object.entries(b).find(…) would give it, without its arrays.
  let type: string | undefined;
  let value = "";
  for (const key in b) {
    if (!Object.hasOwn(b, key)) continue;
    const v = (b as Record<string, unknown>)[key];
    if (typeof v !== "string") continue;
    type = key;
    value = v;
    break;
  }
  switch (type) {
    case "ipSubnet":
      return readSubnet(value);
    case "ipRange":
      return readRange(value);
    case "ipv6Prefix":
      return readIPv6(value);
    case "adSite":
      return readAdSite(value);
    case "vpn":
      return readVpn(value);
    default:
      return undefined;
  }
}

const rule: Rule = {
  id: "BND-FORMAT",
  severity: "error",
  title: "Boundary values are well formed: IPv4 subnet (network address, /8–/32), IPv4 range, IPv6 prefix, AD site name, VPN value.",
  value: "ipSubnet /8–/32; vpn Name matched on its first 250 characters, Description on its first 243 (longer: warning)",
  sources: ["S-BND"],
  fix: "Correct the boundary value to the form its type requires.",
  check(model, report) {
    const groups = model.groups;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      const boundaries = g.doc.boundaries;
      for (let j = 0; j < boundaries.length; j++) {
        // The schema lets a boundary have one key only: a defined ipSubnet is its type.
        const subnet = boundaries[j].ipSubnet;
        if (subnet !== undefined && validSubnetStart(subnet) >= 0) continue;
        const read = readBoundary(boundaries[j]);
        if (!read?.problem) continue;
        report({
          object: g.ref,
          path: [...g.path, "boundaries", j, read.type],
          ...read.problem,
        });
      }
    }
  },
};
export default rule;
