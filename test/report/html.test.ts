import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { DIAGRAM_MAX_ROWS } from "../../lib/report/diagram";
import { DIAGNOSTICS_MAX, renderReportHtml, TABLE_MAX_ROWS } from "../../lib/report/html";
import { brokenLabYaml, hwWaiver } from "../cli/helpers";
import { cbDoc, serverDp } from "../fixtures/lab";
import { HOSTILE_DESCRIPTION, HOSTILE_GROUP, hostileLabDoc, reportOf, reportOfFile, resourceReferences, strayDoc } from "./fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateHierarchy } = require("../../bench/generate-hierarchy") as {
  generateHierarchy(shape: { primaries: number; standardPerPrimary: number; secondariesPerPrimary: number; dpsPerSecondary: number }): Record<string, unknown>;
};

const root = join(__dirname, "../..");
const LAB = join(root, "examples/lab/topology.yaml");

/** The bar of one limit of one object: its numbers as the page prints them. */
function barNumbers(html: string, limit: string, object: string): string | undefined {
  const re = new RegExp(`<div class="bar l-(\\w+)" data-limit="${limit}" data-object="${object}"[^>]*>.*?<span class="num">([^<]*)</span>`);
  return html.match(re)?.[2];
}

const count = (html: string, needle: string) => html.split(needle).length - 1;

describe("report HTML", () => {
  it("is self-contained: no http(s) reference at all for the lab, nothing to fetch, and a CSP that forbids fetching", () => {
    const html = reportOfFile(LAB);
    expect(html).not.toMatch(/https?:\/\//);
    expect(resourceReferences(html)).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toMatch(/^<!DOCTYPE html>/);
  });

  it("a broken document links each diagnostic's source, and still loads nothing", () => {
    const html = reportOf(brokenLabYaml());
    expect(html).toMatch(/<a href="https:\/\/learn\.microsoft\.com\/[^"]+" rel="noreferrer">source<\/a>/);
    expect(resourceReferences(html)).toEqual([]);
  });

  it("shows the lab's site, DP and boundary group, and a bar with used / limit for each limit", () => {
    const html = reportOfFile(LAB);
    expect(html).toContain(`data-ref="site:P01"`);
    expect(html).toContain(">P01<");
    expect(html).toContain(">win701.lab.local<");
    expect(html).toContain(`data-ref="bg:Lab HQ"`);
    expect(barNumbers(html, "standard-dps", "site:P01")).toBe("1 / 250");
    expect(barNumbers(html, "pull-dps", "site:P01")).toBe("0 / 2,000");
    expect(barNumbers(html, "tree-dps", "site:P01")).toBe("1 / 5,000");
    expect(barNumbers(html, "secondaries", "site:P01")).toBe("0 / 250");
    expect(barNumbers(html, "site-clients", "site:P01")).toBe("18 / 100,000");
    expect(barNumbers(html, "dp-clients", "dp:win701.lab.local")).toBe("18 / 4,000");
    expect(barNumbers(html, "content", "dp:win701.lab.local")).toBe("160 / 10,000");
    expect(barNumbers(html, "hierarchy-clients", "hierarchy")).toBe("18 / 400,000");
    expect(html).toContain(`<p class="verdict v-ok" id="verdict">0 errors, 0 warnings, 0 waived</p>`);
    expect(html).toContain("No problems found");
  });

  it("colours a bar by the share used, and marks one over its limit", () => {
    const doc = cbDoc();
    doc.boundaryGroups = [{ name: "Big", assignedSite: "P01", clients: 3000, boundaries: [{ ipSubnet: "10.0.0.0/16" }] }];
    doc.distributionPoints = [
      serverDp("a.contoso.com", "P01", { boundaryGroups: ["Big"], content: { packages: 9000, applications: 1001 } }),
    ];
    const html = reportOf(doc);
    // The headroom is written under the bar, not hidden in a tooltip (print, screenshots).
    expect(html).toMatch(/<div class="bar l-tight" data-limit="dp-clients" data-object="dp:a.contoso.com">.*?<span class="hr">headroom 1,000 \(25%\)<\/span><\/div>/);
    expect(html).toMatch(/<div class="bar l-over" data-limit="content" data-object="dp:a.contoso.com">.*?<span class="hr">over by 1<\/span><\/div>/);
    expect(html).not.toMatch(/<div class="bar[^>]*title=/);
    expect(barNumbers(html, "content", "dp:a.contoso.com")).toBe("10,001 / 10,000 !");
  });

  it("escapes every document string: a boundary-group name that is markup stays text", () => {
    const html = reportOf(hostileLabDoc(), `<b>"x".yaml`);
    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(resourceReferences(html)).toEqual([]);
    const escaped = "&lt;script&gt;alert(&quot;bg&quot;)&lt;/script&gt; &amp; &#39;HQ&#39;";
    expect(html).toContain(`data-ref="bg:${escaped}"`);
    expect(html).toContain(`>${escaped}<`);
    expect(html).toContain("&lt;b&gt;&quot;x&quot;.yaml");
    // The description is not printed, but nothing of it may appear unescaped either.
    expect(html).not.toContain(HOSTILE_DESCRIPTION);
    expect(HOSTILE_GROUP).toContain("<script>");
  });

  it("lists the diagnostics with rule, object, message, numbers and fix; a waived one is marked with its reason", () => {
    const html = reportOf(brokenLabYaml(hwWaiver));
    const rows = [...html.matchAll(/<tr class="(error|warning|waived)" data-rule="([^"]+)" data-object="([^"]+)" data-waived="(true|false)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
      ["error", "DP-CONTENT-MAX", "dp:win701.lab.local"],
      ["waived", "DP-HW-MIN", "dp:win701.lab.local"],
    ]);
    const [content, hw] = rows.map((r) => r[5]);
    expect(content).toContain("holds 10,500 packages and applications");
    expect(content).toContain("(limit 10,000, found 10,500)");
    expect(content).toMatch(/<td>Distribute part of the content/);
    expect(content).toContain("distributionPoints[0].content");
    expect(hw).toContain(`<span class="sev waived">waived</span>`);
    expect(hw).toContain("waived (error, not counted): lab VM with 4 GB, accepted for the pilot");
    expect(html).toContain(`<p class="verdict v-bad" id="verdict">1 error, 0 warnings, 1 waived</p>`);
  });

  it("without the format's shape: the SCHEMA diagnostics and no diagram", () => {
    const html = reportOf("configMgrVersion: 2403\nprimarySites: nope\n");
    expect(html).toContain(`id="no-model"`);
    expect(html).not.toContain("<svg");
    expect(html).toMatch(/data-rule="SCHEMA"/);
  });

  it("draws what hangs under nothing: unknown parents and sites, groups without a DP, unknown and surplus group names", () => {
    const html = reportOf(strayDoc());
    const nodes = [...html.matchAll(/<g class="(?:node|chip) [^"]*" data-kind="(\w+)" data-level="(\w+)"(?: data-ref="([^"]*)")?><title>[^<]*<\/title><rect[^>]*\/><text[^>]*>([^<]*)</g)].map((m) => [
      m[1],
      m[2],
      m[3] ?? "",
      m[4],
    ]);
    expect(nodes).toEqual([
      ["primary", "ok", "site:P01", "P01"],
      ["dp", "over", "dp:a-very-long-distribution-point-host-name.branch.region.contoso.com", "a-very-long-distribution-point-host-na…"],
      ["unknown", "over", "", "? P09"],
      ["secondary", "over", "site:S01", "S01"],
      ["dp", "ok", "dp:sec.contoso.com", "sec.contoso.com"],
      ["unknown", "over", "", "? X99"],
      ["dp", "over", "dp:lost.contoso.com", "lost.contoso.com"],
      ["unknown", "ok", "", "(no distribution point)"],
      // Chips come after the boxes: A, the unknown "Missing", B, then "+2 more"; then the lonely groups.
      ["bg", "ok", "bg:A", "A"],
      ["bg", "over", "", "Missing"],
      ["bg", "ok", "bg:B", "B"],
      ["bg", "ok", "bg:C", "C"],
      ["bg", "ok", "bg:B", "B"],
      ["bg", "ok", "bg:Alone", "Alone"],
      ["bg", "ok", "bg:Also alone, with a very long boundary group name", "Also alone, with a very…"],
    ]);
    expect(html).toContain(`<text class="more"`);
    expect(html).toContain(">+2 more</text>");
  });

  it("draws a few hundred DPs one by one, and summarises each site's DPs beyond that (and says so)", () => {
    // 2 primaries × (10 DPs + 10 secondaries × 5 DPs) = 120 DPs, 22 sites: 142 rows.
    const small = reportOf(generateHierarchy({ primaries: 2, standardPerPrimary: 10, secondariesPerPrimary: 10, dpsPerSecondary: 5 }));
    expect(small).toContain(`data-mode="detail"`);
    expect(count(small, `data-kind="dp"`)).toBe(120);
    expect(count(small, `data-kind="bg"`)).toBe(120);

    // 2 × (60 + 20 × 12) = 600 DPs, 42 sites.
    const doc = generateHierarchy({ primaries: 2, standardPerPrimary: 60, secondariesPerPrimary: 20, dpsPerSecondary: 12 });
    (doc.distributionPoints as { hardware: { memoryGB: number } }[])[3].hardware.memoryGB = 4;
    const html = reportOf(doc);
    expect(html).toContain(`data-mode="sites"`);
    expect(html).toContain(`This document has 600 distribution points: too many to draw one by one (the diagram draws up to ${DIAGRAM_MAX_ROWS} rows)`);
    expect(count(html, `data-kind="dp"`)).toBe(0);
    expect(count(html, `data-kind="secondary"`)).toBe(40);
    const summaries = [...html.matchAll(/<g class="node n-summary l-(\w+)"[^>]*><title>[^<]*<\/title><rect[^>]*\/><text[^>]*>([^<]*)</g)];
    expect(summaries).toHaveLength(42);
    // P01's own 60 DPs include the 4 GB one (DP-HW-MIN): its box is red and counts it.
    expect(summaries[0].slice(1)).toEqual(["over", "60 DPs (0 pull) · 1 red"]);
    expect(summaries[1].slice(1)).toEqual(["ok", "12 DPs (0 pull)"]);
    expect(html).toContain(`Showing the ${TABLE_MAX_ROWS} distribution points closest to a limit, of 600.`);
    // sites, DPs (the 500 closest to a limit) and boundary groups (the first 500)
    expect(count(html, `<tr class="l-`)).toBe(42 + TABLE_MAX_ROWS + TABLE_MAX_ROWS);
  });

  it("stays bounded for the largest legal hierarchy (125,000 DPs): one box per primary tree", () => {
    const doc = generateHierarchy({ primaries: 25, standardPerPrimary: 250, secondariesPerPrimary: 250, dpsPerSecondary: 19 });
    const html = reportOf(doc);
    expect(html).toContain(`data-mode="primaries"`);
    expect(html).toContain("This document has 6,276 sites and 125,000 distribution points");
    expect(count(html, `data-kind="primary"`)).toBe(25);
    expect(count(html, `data-kind="summary"`)).toBe(25);
    expect(html).toContain(">250 secondaries, 5,000 DPs (0 pull)<");
    expect(html.length).toBeLessThan(1_500_000);
  }, 30_000);

  it("caps the diagnostics list and says where to find all of them", () => {
    const doc = cbDoc();
    doc.distributionPoints = Array.from({ length: DIAGNOSTICS_MAX + 10 }, (_, i) => serverDp(`dp${i}.contoso.com`, "P01", { hardware: { cores: 1, memoryGB: 16 } }));
    const html = reportOf(stringify(doc));
    expect(count(html, ` data-waived="`)).toBe(DIAGNOSTICS_MAX);
    expect(count(html, `data-rule="DP-HW-MIN"`)).toBeGreaterThan(DIAGNOSTICS_MAX - 10);
    expect(html).toMatch(/Showing the first 1,000 of [\d,]+ diagnostics \(errors first\)/);
  });

  it("renders without a file name", () => {
    const html = renderReportHtml({ diagnostics: [], summary: { errors: 0, warnings: 0, waived: 0 } });
    expect(html).toContain("<title>Capacity report</title>");
  });
});
