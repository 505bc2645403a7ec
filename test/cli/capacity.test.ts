import { describe, expect, it } from "vitest";
import { capacityReport, usage } from "../../lib/report/capacity";
import { DP_PER_SITE_MAX } from "../../lib/rules/dp-per-site-max";
import { loadTopologyObject } from "../../lib/topology/load";
import { parseTopology } from "../../lib/topology/parse";
import { cbDoc, serverDp } from "../fixtures/lab";

function model(doc: unknown) {
  const parsed = parseTopology(loadTopologyObject(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.model;
}

describe("capacity report", () => {
  it("headroom is limit − used, its percentage rounded down, negative when over", () => {
    expect(usage(0, 250)).toEqual({ used: 0, limit: 250, headroom: 250, headroomPercent: 100, over: false });
    expect(usage(1, 400_000).headroomPercent).toBe(99.9);
    expect(usage(250, 250)).toMatchObject({ headroom: 0, headroomPercent: 0, over: false });
    expect(usage(251, 250)).toMatchObject({ headroom: -1, headroomPercent: -0.4, over: true });
  });

  it("agrees with DP-PER-SITE-MAX at the limit and one over", () => {
    const doc = cbDoc();
    doc.distributionPoints = Array.from({ length: DP_PER_SITE_MAX + 1 }, (_, i) => serverDp(`dp${i}.contoso.com`, "P01"));
    const [site] = capacityReport(model(doc)).sites;
    expect(site.standardDps).toMatchObject({ used: 251, limit: 250, over: true });
    doc.distributionPoints.pop();
    expect(capacityReport(model(doc)).sites[0].standardDps).toMatchObject({ used: 250, over: false });
  });

  it("uses the child-primary client limit under a CAS and the SQL Standard hierarchy limit", () => {
    const doc = cbDoc();
    doc.cas = { siteCode: "CAS", server: "cm00.contoso.com", sqlEdition: "standard" };
    doc.primarySites[0].clients = 60_000;
    const report = capacityReport(model(doc));
    expect(report.hierarchy.primariesUnderCas).toMatchObject({ used: 1, limit: 25 });
    expect(report.hierarchy.clients).toMatchObject({ used: 60_000, limit: 50_000, over: true });
    expect(report.sites[0]).toMatchObject({ clientsLimit: 150_000, clients: { used: 60_000 } });
    expect(report.sites.map((s) => s.code)).toEqual(["P01"]);
  });

  it("leaves client limits out when the version cannot be read", () => {
    const doc = cbDoc();
    doc.configMgrVersion = "2099";
    doc.primarySites[0].clients = 10;
    const report = capacityReport(model(doc));
    expect(report.hierarchy.clients).toBeUndefined();
    expect(report.sites[0].clientsLimit).toBeUndefined();
    expect(report.sites[0].clients).toBeUndefined();
  });
});
