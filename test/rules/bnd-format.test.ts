import rule from "../../lib/rules/bnd-format";
import { labBoundaries } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const at = (type: string, j = 0) => `boundaryGroups[0].boundaries[${j}].${type}`;

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "the topology-format example boundaries", doc: labBoundaries(
      { ipSubnet: "192.168.1.0/24" },
      { ipRange: "192.168.2.10-192.168.2.200" },
      { adSite: "Default-First-Site-Name" },
      { ipv6Prefix: "2001:db8:1::/64" },
      { vpn: "Name:Contoso VPN" },
    ) },
    { name: "a /8 subnet", doc: labBoundaries({ ipSubnet: "10.0.0.0/8" }) },
    { name: "a /32 subnet", doc: labBoundaries({ ipSubnet: "10.1.2.3/32" }) },
    { name: "a single-address range", doc: labBoundaries({ ipRange: "10.0.0.5-10.0.0.5" }) },
    { name: "the console's bare IPv6 prefix", doc: labBoundaries({ ipv6Prefix: "2001:1111:2222:3333" }) },
    { name: "FE80::/64 (the cmdlet's example)", doc: labBoundaries({ ipv6Prefix: "FE80::/64" }) },
    { name: "a /128 and a /1 IPv6 prefix", doc: labBoundaries({ ipv6Prefix: "2001:db8::1/128" }, { ipv6Prefix: "8000::/1" }) },
    { name: "a 63-character AD site", doc: labBoundaries({ adSite: "a".repeat(63) }) },
    { name: "VPN Auto:On", doc: labBoundaries({ vpn: "Auto:On" }) },
    { name: "a 250-character VPN name", doc: labBoundaries({ vpn: `Name:${"n".repeat(250)}` }) },
    { name: "a 243-character VPN description", doc: labBoundaries({ vpn: `Description:${"d".repeat(243)}` }) },
  ],
  invalid: [
    {
      name: "a /7 supernet",
      doc: labBoundaries({ ipSubnet: "10.0.0.0/7" }),
      errors: [{ object: "bg:Lab HQ", path: at("ipSubnet"), limit: 8, actual: 7, message: ["supernet", "/8 to /32"] }],
    },
    {
      name: "a host address as the subnet",
      doc: labBoundaries({ ipSubnet: "192.168.1.7/24" }),
      errors: [{ path: at("ipSubnet"), message: ["not a network address", "192.168.1.0/24"] }],
    },
    {
      name: "a second boundary, named by its index",
      doc: labBoundaries({ ipSubnet: "192.168.1.0/24" }, { ipSubnet: "192.168.1.0/33" }),
      errors: [{ path: at("ipSubnet", 1), limit: 32, actual: 33 }],
    },
    { name: "a subnet without a prefix", doc: labBoundaries({ ipSubnet: "192.168.1.0" }), errors: [{ message: "CIDR" }] },
    { name: "an octet of 256", doc: labBoundaries({ ipSubnet: "192.168.256.0/24" }), errors: [{ message: "CIDR" }] },
    {
      name: "a range that runs backwards",
      doc: labBoundaries({ ipRange: "10.0.0.9-10.0.0.1" }),
      errors: [{ path: at("ipRange"), message: "starts after it ends" }],
    },
    { name: "a range with spaces", doc: labBoundaries({ ipRange: "10.0.0.1 - 10.0.0.9" }), errors: [{ message: "a.b.c.d-w.x.y.z" }] },
    { name: "a range in CIDR form", doc: labBoundaries({ ipRange: "10.0.0.0/24" }), errors: [{ path: at("ipRange") }] },
    { name: "an IPv6 prefix /0", doc: labBoundaries({ ipv6Prefix: "::/0" }), errors: [{ path: at("ipv6Prefix"), limit: 1, actual: 0 }] },
    { name: "an IPv6 prefix /129", doc: labBoundaries({ ipv6Prefix: "2001:db8::/129" }), errors: [{ limit: 128, actual: 129 }] },
    {
      name: "an IPv6 prefix with host bits",
      doc: labBoundaries({ ipv6Prefix: "2001:db8:1::1/64" }),
      errors: [{ message: "the prefix is 2001:db8:1::/64" }],
    },
    { name: "an IPv4 value as IPv6 prefix", doc: labBoundaries({ ipv6Prefix: "192.168.1.0/24" }), errors: [{ message: "not an IPv6 prefix" }] },
    { name: "an AD site with a space", doc: labBoundaries({ adSite: "Head Office" }), errors: [{ path: at("adSite"), message: "no spaces, dots" }] },
    { name: "an AD site with a dot", doc: labBoundaries({ adSite: "hq.contoso" }), errors: [{ path: at("adSite") }] },
    { name: "a 64-character AD site", doc: labBoundaries({ adSite: "a".repeat(64) }), errors: [{ limit: 63, actual: 64 }] },
    { name: "VPN without a keyword", doc: labBoundaries({ vpn: "Contoso VPN" }), errors: [{ path: at("vpn"), message: "not Auto:On" }] },
    { name: "VPN Auto:Off", doc: labBoundaries({ vpn: "Auto:Off" }), errors: [{ path: at("vpn") }] },
    { name: "an empty VPN name", doc: labBoundaries({ vpn: "Name:" }), errors: [{ limit: 1, actual: 0, message: "empty name" }] },
    {
      name: "a 251-character VPN name is a warning: ConfigMgr matches its first 250 characters",
      doc: labBoundaries({ vpn: `Name:${"n".repeat(251)}` }),
      errors: [{ path: at("vpn"), severity: "warning", limit: 250, actual: 251, message: ["matches only the first 250 characters of a VPN connection name", "characters 251–251 are ignored"] }],
    },
    {
      name: "a 244-character VPN description is a warning: ConfigMgr matches its first 243 characters",
      doc: labBoundaries({ vpn: `Description:${"d".repeat(244)}` }),
      errors: [{ severity: "warning", limit: 243, actual: 244, message: "matches only the first 243 characters of a VPN connection description" }],
    },
  ],
});
