import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReportHtml } from "../../lib/report/html";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { cbDoc, serverDp } from "../fixtures/lab";
import { CHROMIUM, CHROMIUM_FLAGS, requireChromium } from "./chromium";

/**
 * What a person sees in the report, rendered by headless Chromium in a narrow window: the
 * client-OS connection limit in the headroom and in "closest to a limit", PXE and multicast
 * markers, disk headroom, pull-source arrows, the tool's version and the date, every figure
 * written out (nothing only in a tooltip), and long hyphenated names on one line.
 */

const LONG_DP = "w10.branch-office-north-region-site.contoso.com";
const LONG_GROUP = "Branch-Office-North-Region-Site";

function doc() {
  const d = cbDoc();
  d.boundaryGroups = [
    { name: LONG_GROUP, assignedSite: "P01", clients: 60, boundaries: [{ ipSubnet: "10.1.0.0/24" }] },
    { name: "Hub", assignedSite: "P01", clients: 900, boundaries: [{ ipSubnet: "10.2.0.0/24" }] },
  ];
  d.distributionPoints = [
    { ...serverDp(LONG_DP, "P01", { boundaryGroups: [LONG_GROUP] }), os: "windows-10", edition: "enterprise", hardware: { cores: 4, memoryGB: 8 } },
    serverDp("hub.contoso.com", "P01", {
      boundaryGroups: ["Hub"],
      disks: [{ drive: "D", freeGB: 500 }],
      content: { packages: 300, applications: 200, sizeGB: 350 },
      storage: { primaryContentLibrary: "D", primaryPackageShare: "D", minimumFreeSpaceMB: 1024 },
      pxe: { enabled: true },
      multicast: { enabled: true, addressRange: { start: "239.0.0.1", end: "239.0.0.254" }, udpPorts: { start: 63000, end: 64000 } },
    }),
    serverDp("hub2.contoso.com", "P01", { boundaryGroups: ["Hub"] }),
    serverDp("pull1.contoso.com", "P01", { boundaryGroups: ["Hub"], pull: { sources: [{ server: "hub2.contoso.com", rank: 2 }, { server: "hub.contoso.com", rank: 1 }] } }),
  ];
  return d;
}

const PROBE = `<script>
(() => {
  const text = (el) => el ? el.innerText.replace(/\\s+/g, " ").trim() : null;
  const svgBox = (el) => { const b = el.getBBox(); return { x: b.x, y: b.y, w: b.width, h: b.height }; };
  const rows = Object.fromEntries([...document.querySelectorAll("#dps tr[data-ref]")].map((tr) => [tr.getAttribute("data-ref"), { text: text(tr), level: tr.className }]));
  const closest = [...document.querySelectorAll("#closest .closest .obj")].map((o) => ({
    object: o.getAttribute("data-object"), what: text(o.nextElementSibling), bar: text(o.nextElementSibling.nextElementSibling),
    level: o.nextElementSibling.nextElementSibling.className,
  }));
  const nodes = Object.fromEntries([...document.querySelectorAll("svg.diagram g[data-kind=dp]")].map((g) => [g.getAttribute("data-ref"), { text: g.querySelector("text").textContent, box: svgBox(g.querySelector("rect")) }]));
  const arrows = [...document.querySelectorAll("svg.diagram path.pull-arrow")].map((p) => {
    const len = p.getTotalLength();
    const a = p.getPointAtLength(0), b = p.getPointAtLength(len);
    return { from: p.getAttribute("data-from"), to: p.getAttribute("data-to"), backup: p.classList.contains("backup"), start: { x: a.x, y: a.y }, end: { x: b.x, y: b.y }, marker: p.getAttribute("marker-end") };
  });
  const outsideSvgTitles = [...document.querySelectorAll("[title]")].filter((el) => !el.closest("svg")).length;
  const headrooms = [...document.querySelectorAll(".bar")].map((b) => { const h = b.querySelector(".hr"); return h && h.getClientRects().length > 0 ? text(h) : null; });
  const names = [...document.querySelectorAll(".nb")].map((el) => ({ text: el.textContent, lines: el.getClientRects().length }));
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({ made: text(document.querySelector("#made")), rows, closest, nodes, arrows, outsideSvgTitles, headrooms, names,
    groups: text(document.querySelector("#groups")), diagnostics: text(document.querySelector("#diagnostics")) });
  document.body.appendChild(pre);
})();
</script>`;

type Probe = {
  made: string;
  rows: Record<string, { text: string; level: string }>;
  closest: { object: string; what: string; bar: string; level: string }[];
  nodes: Record<string, { text: string; box: { x: number; y: number; w: number; h: number } }>;
  arrows: { from: string; to: string; backup: boolean; start: { x: number; y: number }; end: { x: number; y: number }; marker: string }[];
  outsideSvgTitles: number;
  headrooms: (string | null)[];
  names: { text: string; lines: number }[];
  groups: string;
  diagnostics: string;
};

const dir = mkdtempSync(join(tmpdir(), "pulumi-configmgr-report-items-"));
let probe: Probe;

function dumpDom(file: string, width: number): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "pulumi-configmgr-chromium-"));
  return new Promise((resolve, reject) =>
    execFile(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, `--window-size=${width},2000`, "--dump-dom", pathToFileURL(file).href], { encoding: "utf8", timeout: 30_000, maxBuffer: 64 << 20 }, (err, stdout) => {
      rmSync(profile, { recursive: true, force: true });
      if (err) reject(err);
      else resolve(stdout);
    }),
  );
}

beforeAll(async () => {
  requireChromium();
  const v = validateDocument(loadTopologyObject(doc()));
  const html = renderReportHtml({ file: "items.yaml", model: v.model, diagnostics: v.diagnostics, summary: v.summary, toolVersion: "9.8.7", generatedAt: new Date("2026-12-02T01:15:00Z") });
  const file = join(dir, "items.html");
  // The page forbids scripts (CSP); the probe runs in a copy without it.
  writeFileSync(file, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "").replace("</body>", `${PROBE}</body>`));
  const dom = await dumpDom(file, 1000);
  const json = dom.match(/<pre id="probe">([\s\S]*?)<\/pre>/)![1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  probe = JSON.parse(json) as Probe;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the report, as a person sees it", () => {
  it("a Windows 10 DP expected to serve 60 clients reads 60 / 20, red, first in 'closest to a limit'", () => {
    expect(probe.closest[0]).toEqual({ object: `dp:${LONG_DP}`, what: "concurrent connections of client Windows", bar: "60 / 20 ! over by 40", level: "bar l-over" });
    const row = probe.rows[`dp:${LONG_DP}`];
    expect(row.level).toBe("l-over");
    expect(row.text).toContain("60 / 4,000");
    expect(row.text).toContain("60 / 20 ! over by 40");
    expect(probe.rows["dp:hub.contoso.com"].text).toContain("server OS: no such limit");
  });

  it("PXE and multicast are marked in the table and in the diagram", () => {
    expect(probe.rows["dp:hub.contoso.com"].text).toMatch(/^hub\.contoso\.com P01 standard PXE multicast /);
    expect(probe.nodes["dp:hub.contoso.com"].text).toMatch(/^hub\.contoso\.com PXE MC/);
    expect(probe.rows["dp:hub2.contoso.com"].text).not.toMatch(/PXE|multicast/);
  });

  it("disk headroom: content size against the drives' free space above the reserve", () => {
    // 500 GB free on D, 1,024 MB kept free: 499 GB usable, 350 GB of content.
    expect(probe.rows["dp:hub.contoso.com"].text).toContain("350 / 499 headroom 149 (29.8%)");
    expect(probe.rows["dp:hub2.contoso.com"].text).toContain("no content.sizeGB");
  });

  it("pull sources: an arrow from each source's box to the pull DP's, the rank-1 source solid", () => {
    const arrows = probe.arrows.map((a) => [a.from, a.to, a.backup]);
    expect(arrows).toEqual([
      ["dp:hub.contoso.com", "dp:pull1.contoso.com", false],
      ["dp:hub2.contoso.com", "dp:pull1.contoso.com", true],
    ]);
    for (const a of probe.arrows) {
      const from = probe.nodes[a.from].box;
      const to = probe.nodes[a.to].box;
      expect(a.start.x).toBeCloseTo(from.x + from.w, 0);
      expect(a.start.y).toBeGreaterThan(from.y);
      expect(a.start.y).toBeLessThan(from.y + from.h);
      expect(a.end.x).toBeGreaterThanOrEqual(to.x + to.w);
      expect(a.end.x).toBeLessThan(to.x + to.w + 3);
      expect(a.end.y).toBeGreaterThan(to.y);
      expect(a.end.y).toBeLessThan(to.y + to.h);
      expect(a.marker).toBe("url(#pull-head)");
    }
    expect(probe.rows["dp:pull1.contoso.com"].text).toContain("pulls from hub.contoso.com (rank 1), hub2.contoso.com (rank 2)");
  });

  it("says which version made it, and when", () => {
    expect(probe.made).toBe("pulumi-configmgr 9.8.7 · made 2026-12-02 01:15 UTC");
  });

  it("every figure is on the page, not in a tooltip: headroom under each bar, the rule's requirement, the groups' details", () => {
    expect(probe.outsideSvgTitles).toBe(0);
    expect(probe.headrooms.length).toBeGreaterThan(10);
    for (const h of probe.headrooms) expect(h).toMatch(/^(headroom [\d,.]+ \(-?[\d.]+%\)|over by [\d,.]+)$/);
    expect(probe.diagnostics).toContain("CLIENT-OS-CONNECTIONS A DP on client Windows serves at most 20 clients");
    expect(probe.groups).toContain(`${LONG_GROUP} P01 60 ${LONG_DP} 60`);
    expect(probe.groups).toContain("Hub P01 900 hub.contoso.com, hub2.contoso.com, pull1.contoso.com 300");
  });

  it("long names stay on one line: no break at a hyphen", () => {
    const long = probe.names.filter((x) => x.text === LONG_DP || x.text === LONG_GROUP || x.text === `dp:${LONG_DP}`);
    expect(long.length).toBeGreaterThanOrEqual(4);
    for (const x of probe.names) expect(x, x.text).toEqual({ text: x.text, lines: 1 });
  });
});
