import { parseIPv4 } from "./data/ip";
import { n } from "./format";
import type { Rule } from "./types";

const PORT_MIN = 1;
const PORT_MAX = 65535;
/** 239.0.0.0/8, the administratively scoped multicast block, as the first octet. */
const MULTICAST_OCTET = 239;

const rule: Rule = {
  id: "MCAST-RANGE",
  severity: "error",
  title: "Multicast addresses inside 239.0.0.0/8 with start ≤ end; UDP ports 1–65535 with start ≤ end.",
  value: "239.0.0.0–239.255.255.255; ports 1–65535",
  sources: ["S-DP"],
  fix: "Use a multicast address range inside 239.0.0.0–239.255.255.255 and UDP ports 1–65535, start first.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const mc = dp.doc.multicast;
      if (!mc) continue;
      const base = [...dp.path, "multicast"];
      if (mc.addressRange) {
        const ends = { start: parseIPv4(mc.addressRange.start), end: parseIPv4(mc.addressRange.end) };
        let usable = true;
        for (const which of ["start", "end"] as const) {
          const text = mc.addressRange[which];
          const value = ends[which];
          if (value !== undefined && Math.floor(value / 2 ** 24) === MULTICAST_OCTET) continue;
          usable = false;
          report({
            object: dp.ref,
            path: [...base, "addressRange", which],
            message:
              value === undefined
                ? `has multicast address range ${which} "${text}", which is not an IPv4 address`
                : `has multicast address range ${which} ${text}, outside 239.0.0.0/8 (239.0.0.0–239.255.255.255), the range ConfigMgr multicast uses`,
            fix: "Use addresses inside 239.0.0.0–239.255.255.255, e.g. start 239.0.0.1 and end 239.0.0.254.",
          });
        }
        if (usable && ends.start! > ends.end!) {
          report({
            object: dp.ref,
            path: [...base, "addressRange"],
            message: `has a multicast address range that starts at ${mc.addressRange.start}, after its end ${mc.addressRange.end}`,
            fix: `Swap the two: start ${mc.addressRange.end}, end ${mc.addressRange.start}.`,
          });
        }
      }
      if (mc.udpPorts) {
        let usable = true;
        for (const which of ["start", "end"] as const) {
          const port = mc.udpPorts[which];
          if (port >= PORT_MIN && port <= PORT_MAX) continue;
          usable = false;
          report({
            object: dp.ref,
            path: [...base, "udpPorts", which],
            message: `has multicast UDP port range ${which} ${n(port)}; a UDP port is 1 to 65,535`,
            limit: port < PORT_MIN ? PORT_MIN : PORT_MAX,
            actual: port,
            fix: "Use UDP ports from 1 to 65535; ConfigMgr's default multicast range is 63000–64000.",
          });
        }
        if (usable && mc.udpPorts.start > mc.udpPorts.end) {
          report({
            object: dp.ref,
            path: [...base, "udpPorts"],
            message: `has a multicast UDP port range that starts at ${n(mc.udpPorts.start)}, after its end ${n(mc.udpPorts.end)}`,
            limit: mc.udpPorts.end,
            actual: mc.udpPorts.start,
            fix: `Swap the two: start ${mc.udpPorts.end}, end ${mc.udpPorts.start}.`,
          });
        }
      }
    }
  },
};
export default rule;
