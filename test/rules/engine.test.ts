import { describe, expect, it } from "vitest";
import { CATALOG, RULES } from "../../lib/rules/catalog";
import { formatDiagnostic, validateDocument } from "../../lib/rules/engine";
import { SOURCES } from "../../lib/rules/sources";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";

/** The rule ids of shared/docs/rules.md: a contract that tests outside the project rely on. */
const CONTRACT_IDS = `SCHEMA VERSION-FORMAT HOST-NAME SITECODE-FORMAT SITECODE-RESERVED SITECODE-UNIQUE NAME-UNIQUE
REF-UNKNOWN SERVER-ONE-SITE CAS-PRIMARY-MAX SITE-PARENT PRIMARY-SECONDARY-MAX DP-PER-SITE-MAX PULLDP-PER-SITE-MAX
DP-PER-PRIMARY-TREE-MAX DP-NOT-ON-CAS SITE-CLIENTS-MAX HIERARCHY-CLIENTS-MAX DP-CLIENTS-MAX DP-CLIENTS-SECONDARY-HW
DP-CONTENT-MAX DP-DISK-SPACE CLIENT-OS-CONNECTIONS DP-OS-SUPPORTED DP-OS-LIFECYCLE DP-OS-EDITION DP-OS-ARCH
DP-SERVER-CORE DP-HW-MIN DP-PREREQ-FEATURES DP-LOCAL-ADMIN DP-STORAGE DP-FREE-SPACE-DEFAULT PULLDP-VERSION
PULLDP-SOURCES PULLDP-NOT-SITE-SERVER PULLDP-SOURCE-SITE PULLDP-CYCLE PXE-CLIENT-OS PXE-NOWDS-VERSION PXE-DELAY
MCAST-HOST MCAST-PXE-NOWDS MCAST-RANGE CV-SCHEDULE HTTPS-INTERNET BND-FORMAT BND-VPN-VERSION BG-SITE-ASSIGN
BG-OVERLAP BG-NO-DP DP-NO-BG WAIVER-INVALID WAIVER-UNUSED`.split(/\s+/);

const validate = (doc: unknown) => validateDocument(loadTopologyObject(doc));

describe("the rule catalog", () => {
  it("has exactly the ids of rules.md, each once", () => {
    expect([...CATALOG.keys()].sort()).toEqual([...CONTRACT_IDS].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it("gives every rule a severity, a title, a source and a fix", () => {
    for (const rule of CATALOG.values()) {
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.fix.length, rule.id).toBeGreaterThan(10);
      expect(rule.sources.length, rule.id).toBeGreaterThan(0);
      for (const key of rule.sources) expect(SOURCES[key], `${rule.id} ${key}`).toBeDefined();
    }
  });

  it("marks the structural rules of rules.md as not waivable", () => {
    for (const id of ["SCHEMA", "VERSION-FORMAT", "REF-UNKNOWN", "NAME-UNIQUE", "SITECODE-FORMAT", "SITECODE-RESERVED", "SITECODE-UNIQUE"]) {
      expect(CATALOG.get(id)?.structural, id).toBe(true);
    }
  });
});

describe("the seed lab", () => {
  it("validates with no error and no warning (2012 SP1, CM01, WIN701 Windows 7 x64 Enterprise, 2 cores, 8 GB)", () => {
    const result = validate(labDoc());
    expect(result.diagnostics).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, waived: 0 });
  });

  it("fails DP-OS-SUPPORTED on 2403, saying why and what to do", () => {
    const result = validate({ ...labDoc(), configMgrVersion: "2403" });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => d.rule)).toEqual(["DP-OS-SUPPORTED"]);
    const line = formatDiagnostic(errors[0]);
    expect(line).toMatch(/^\[DP-OS-SUPPORTED\] dp:win701\.lab\.local runs Windows 7, which ConfigMgr 2403 does not support/);
    expect(line).toContain("supported-operating-systems-for-site-system-servers");
    expect(line).toMatch(/Move the DP to a supported OS \(2403 supports Windows 10, Windows 11\)/);
    expect(errors[0].source).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });
});

describe("one pass over a document with many problems", () => {
  it("reports every violation at once, each with object, path and numbers where numeric", () => {
    const doc = labDoc();
    doc.distributionPoints[0].hardware = { cores: 1, memoryGB: 4 };
    doc.distributionPoints[0].content = { packages: 9000, applications: 1001 };
    doc.distributionPoints[0].clients = 4150;
    const result = validate(doc);
    const rules = result.diagnostics.map((d) => d.rule);
    expect(rules).toEqual(expect.arrayContaining(["DP-HW-MIN", "DP-CONTENT-MAX", "DP-CLIENTS-MAX", "CLIENT-OS-CONNECTIONS"]));
    const clients = result.diagnostics.find((d) => d.rule === "DP-CLIENTS-MAX")!;
    expect(clients).toMatchObject({ object: "dp:win701.lab.local", limit: 4000, actual: 4150 });
    expect(formatDiagnostic(clients)).toMatch(
      /^\[DP-CLIENTS-MAX\] dp:win701\.lab\.local serves 4,150 clients; a distribution point supports at most 4,000 \(size-and-scale-numbers\)\. /,
    );
    for (const d of result.diagnostics.filter((x) => x.rule === "DP-HW-MIN")) {
      expect(d.limit).toBeDefined();
      expect(d.actual).toBeDefined();
    }
  });
});
