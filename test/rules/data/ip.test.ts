import { describe, expect, it } from "vitest";
import {
  cidr4Bounds,
  formatIPv4,
  formatIPv6,
  networkOf4,
  parseCidr4,
  parseIPv4,
  parseIPv4Range,
  parseIPv6,
  parseIPv6Prefix,
  prefix6Bounds,
} from "../../../lib/rules/data/ip";

describe("IPv4", () => {
  it.each([
    ["0.0.0.0", 0],
    ["192.168.1.0", 0xc0a80100],
    ["239.255.255.255", 0xefffffff],
    ["255.255.255.255", 0xffffffff],
  ])("parses %s", (text, value) => {
    expect(parseIPv4(text)).toBe(value);
    expect(formatIPv4(value)).toBe(text);
  });

  it.each(["256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", " 1.2.3.4", "1..3.4", "a.b.c.d", ""])("rejects %j", (text) => {
    expect(parseIPv4(text)).toBeUndefined();
  });

  it("reads CIDR blocks and their bounds", () => {
    expect(parseCidr4("10.1.0.0/16")).toEqual({ address: 0x0a010000, prefix: 16 });
    expect(parseCidr4("10.1.0.0")).toBeUndefined();
    expect(parseCidr4("10.1.0.0/x")).toBeUndefined();
    expect(networkOf4(parseIPv4("192.168.1.77")!, 24)).toBe(parseIPv4("192.168.1.0"));
    const b = cidr4Bounds(parseIPv4("10.0.0.0")!, 8);
    expect([formatIPv4(b.start), formatIPv4(b.end)]).toEqual(["10.0.0.0", "10.255.255.255"]);
    const all = cidr4Bounds(0, 0);
    expect(all.end).toBe(0xffffffff);
  });

  it("reads ranges, keeping the order written", () => {
    expect(parseIPv4Range("10.0.0.9-10.0.0.1")).toEqual({ start: 0x0a000009, end: 0x0a000001 });
    expect(parseIPv4Range("10.0.0.1 - 10.0.0.9")).toBeUndefined();
    expect(parseIPv4Range("10.0.0.1-10.0.0.9-10.0.0.10")).toBeUndefined();
  });
});

describe("IPv6", () => {
  it.each([
    ["::", 0n],
    ["::1", 1n],
    ["2001:db8::", 0x20010db8n << 96n],
    ["2001:db8:0:0:0:0:0:1", (0x20010db8n << 96n) | 1n],
    ["::ffff:192.0.2.1", (0xffffn << 32n) | 0xc0000201n],
    ["FE80::", 0xfe80n << 112n],
  ])("parses %s", (text, value) => {
    expect(parseIPv6(text)).toBe(value);
  });

  it.each(["2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::", "fe80::1%eth0", ":1::", "g::", "1:2:3:4:5:6:7::8"])(
    "rejects %j",
    (text) => {
      expect(parseIPv6(text)).toBeUndefined();
    },
  );

  it("formats with the longest zero run compressed", () => {
    expect(formatIPv6(parseIPv6("2001:db8:1:0:0:0:0:0")!)).toBe("2001:db8:1::");
    expect(formatIPv6(parseIPv6("2001:0:0:1:0:0:0:1")!)).toBe("2001:0:0:1::1");
    expect(formatIPv6(0n)).toBe("::");
  });

  it("reads prefixes with a length and the console's bare form", () => {
    expect(parseIPv6Prefix("2001:db8:1::/64")).toEqual({ address: parseIPv6("2001:db8:1::"), prefix: 64, bare: false });
    expect(parseIPv6Prefix("2001:1111:2222:3333")).toEqual({ address: parseIPv6("2001:1111:2222:3333::"), prefix: 64, bare: true });
    expect(parseIPv6Prefix("2001:db8::")).toBeUndefined();
    expect(parseIPv6Prefix("2001:db8::/")).toBeUndefined();
    const b = prefix6Bounds(parseIPv6("2001:db8::")!, 32);
    expect(formatIPv6(b.end)).toBe("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
  });
});
