import rule from "../../lib/rules/mcast-range";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const addresses = (start: string, end: string) => dpWith({ multicast: { enabled: true, addressRange: { start, end } } });
const ports = (start: number, end: number) => dpWith({ multicast: { enabled: true, udpPorts: { start, end } } });
const base = "distributionPoints[0].multicast";

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "the whole of 239.0.0.0/8", doc: addresses("239.0.0.0", "239.255.255.255") },
    { name: "one address", doc: addresses("239.0.0.7", "239.0.0.7") },
    { name: "ports 1–65535", doc: ports(1, 65535) },
    { name: "the default ports 63000–64000", doc: ports(63000, 64000) },
    { name: "one port", doc: ports(63000, 63000) },
  ],
  invalid: [
    {
      name: "an end of 240.0.0.0",
      doc: addresses("239.0.0.1", "240.0.0.0"),
      errors: [{ object: "dp:dp1.contoso.com", path: `${base}.addressRange.end`, message: ["240.0.0.0", "outside 239.0.0.0/8"] }],
    },
    { name: "a start of 238.255.255.255", doc: addresses("238.255.255.255", "239.0.0.1"), errors: [{ path: `${base}.addressRange.start` }] },
    { name: "not an address", doc: addresses("239.0.0.1", "239.0.0.256"), errors: [{ path: `${base}.addressRange.end`, message: "not an IPv4 address" }] },
    {
      name: "start after end",
      doc: addresses("239.0.0.9", "239.0.0.1"),
      errors: [{ path: `${base}.addressRange`, message: "starts at 239.0.0.9, after its end 239.0.0.1" }],
    },
    {
      name: "port 65536",
      doc: ports(63000, 65536),
      errors: [{ path: `${base}.udpPorts.end`, limit: 65535, actual: 65536, message: ["65,536", "1 to 65,535"] }],
    },
    { name: "port 0", doc: ports(0, 64000), errors: [{ path: `${base}.udpPorts.start`, limit: 1, actual: 0 }] },
    { name: "ports start after end", doc: ports(64000, 63000), errors: [{ path: `${base}.udpPorts`, limit: 63000, actual: 64000 }] },
  ],
});
