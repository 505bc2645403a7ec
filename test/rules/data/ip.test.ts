import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cidr4Address,
  cidr4Bounds,
  cidr4Prefix,
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

  it("gives every prefix's network and last address, also above 2^31 (where a 32-bit mask turns negative)", () => {
    for (const address of [0, 1, 0x7fffffff, 0x80000000, 0x80000001, 0xc0a80177, 0xfffffffe, 0xffffffff]) {
      for (let prefix = 0; prefix <= 32; prefix++) {
        const size = 2 ** (32 - prefix);
        const network = address - (address % size);
        expect(networkOf4(address, prefix), `${formatIPv4(address)}/${prefix}`).toBe(network);
        expect(cidr4Bounds(address, prefix)).toEqual({ start: network, end: network + size - 1 });
      }
    }
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

/**
 * The character-loop parsers accept exactly what the split-and-regex ones they replaced accepted
 * (those are kept here as the reference): a boundary or multicast value that was an error stays
 * one, and one that passed still passes with the same address.
 */
describe("IPv4 parsers agree with the split-and-regex reference", () => {
  const refIPv4 = (text: string): number | undefined => {
    const parts = text.split(".");
    if (parts.length !== 4) return undefined;
    let value = 0;
    for (const part of parts) {
      if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return undefined;
      const octet = Number(part);
      if (octet > 255) return undefined;
      value = value * 256 + octet;
    }
    return value;
  };
  const refCidr4 = (text: string) => {
    const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
    if (!m) return undefined;
    const address = refIPv4(m[1]);
    return address === undefined ? undefined : { address, prefix: Number(m[2]) };
  };
  const refRange = (text: string) => {
    const parts = text.split("-");
    if (parts.length !== 2) return undefined;
    const start = refIPv4(parts[0]);
    const end = refIPv4(parts[1]);
    return start === undefined || end === undefined ? undefined : { start, end };
  };
  const check = (text: string) => {
    expect(parseIPv4(text)).toBe(refIPv4(text));
    expect(parseCidr4(text)).toEqual(refCidr4(text));
    const cidr = refCidr4(text);
    expect(cidr4Address(text)).toBe(cidr ? cidr.address : -1);
    if (cidr) expect(cidr4Prefix(text)).toBe(cidr.prefix);
    expect(parseIPv4Range(text)).toEqual(refRange(text));
  };

  const tricky = [
    "0.0.0.0", "1.2.3.4", "255.255.255.255", "256.0.0.1", "1.2.3.256", "1.2.3.999", "1.2.3.1000",
    "01.2.3.4", "1.2.3.04", "00.0.0.0", "0.0.0.00", "1.2.3", "1.2.3.4.5", "1.2.3.4.", ".1.2.3.4", "1..3.4", "1.2..3.4",
    "", ".", "...", "....", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4\n", "1.2. 3.4", "+1.2.3.4", "1.+2.3.4", "-1.2.3.4",
    "0x1.2.3.4", "0x7f.0.0.1", "1e2.0.0.1", "1.2.3.4e0", "١.٢.٣.٤", "１.2.3.4", "a.b.c.d",
    "10.0.0.0/8", "10.0.0.0/08", "10.0.0.0/008", "10.0.0.0/0008", "10.0.0.0/", "/8", "10.0.0.0//8", "10.0.0.0/8/8",
    "10.0.0.0/ 8", "10.0.0.0 /8", "10.0.0.0/+8", "10.0.0.0/-1", "10.0.0.0/33", "10.0.0.0/999", "10.0.0/8", "10.0.0.0.0/8",
    "10.0.0.0/8\n", "a/b/8", "1.2.3.4-1.2.3.5", "1.2.3.5-1.2.3.4", "1.2.3.4-", "-1.2.3.4", "1.2.3.4--1.2.3.5",
    "1.2.3.4-1.2.3.5-1.2.3.6", "1.2.3.4 - 1.2.3.5", "1.2.3.4-1.2.3", "1.2.3.4/24-1.2.3.5",
  ];
  it.each(tricky)("%j", (text) => check(text));

  it("on random strings of digits, dots, slashes, hyphens and a few other characters", () => {
    const chars = fc.constantFrom(..."0123456789012345678901234567890123456789....../-+x \n".split(""));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 20 }), (cs) => check(cs.join(""))),
      { numRuns: 3000 },
    );
  });
});
