import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEVEL_COLOURS } from "../../lib/report/style";
import { CHROMIUM, dumpDom, pngSize, requireChromium, screenshot } from "./chromium";
import { HOSTILE_GROUP, hostileLabDoc, reportOf, reportOfFile, strayDoc } from "./fixtures";

const root = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "pulumi-configmgr-report-"));
/** UPDATE_SCREENSHOTS=1 rewrites docs/report-*.png; otherwise they go to a temporary directory. */
const shots = process.env.UPDATE_SCREENSHOTS === "1" ? join(root, "docs") : join(dir, "docs");

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface ProbedNode {
  kind: string;
  ref: string | null;
  level: string;
  text: string;
  box: Box;
  label: Box;
  pct: Box | null;
  fill: string;
}
interface Probe {
  nodes: ProbedNode[];
  bars: { limit: string; object: string | null; text: string }[];
  scripts: number;
  title: string;
}

/**
 * What Chromium laid out: every diagram box with its rendered geometry and computed fill. The
 * report itself runs no script (its CSP forbids it), so the probe runs in a copy without the CSP.
 */
const PROBE = `<script>
(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
  const nodes = [...document.querySelectorAll("svg.diagram g[data-kind]")].map((g) => {
    const rect = g.querySelector("rect");
    const pct = g.querySelector("text.pct");
    return {
      kind: g.getAttribute("data-kind"), ref: g.getAttribute("data-ref"), level: g.getAttribute("data-level"),
      text: g.querySelector("text").textContent, box: box(rect), label: box(g.querySelector("text")),
      pct: pct ? box(pct) : null, fill: getComputedStyle(rect).fill,
    };
  });
  const bars = [...document.querySelectorAll(".bar[data-limit]")].map((b) => ({
    limit: b.getAttribute("data-limit"), object: b.getAttribute("data-object"), text: b.querySelector(".num").textContent,
  }));
  const pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = JSON.stringify({ nodes, bars, scripts: document.querySelectorAll("script").length, title: document.title });
  document.body.appendChild(pre);
})();
</script>`;

const unescapeText = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&nbsp;/g, "\u00a0").replace(/&amp;/g, "&");

async function probe(name: string, html: string): Promise<Probe> {
  const file = join(dir, `${name}.probe.html`);
  const withoutCsp = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  expect(withoutCsp).not.toBe(html);
  writeFileSync(file, withoutCsp.replace("</body>", `${PROBE}</body>`));
  const dom = await dumpDom(file);
  const json = dom.match(/<pre id="probe">([\s\S]*?)<\/pre>/)?.[1];
  if (json === undefined) throw new Error(`the probe did not run in ${file}`);
  return JSON.parse(unescapeText(json)) as Probe;
}

function hexToRgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  return `rgb(${(v >> 16) & 255}, ${(v >> 8) & 255}, ${v & 255})`;
}

const mid = (b: Box) => b.y + b.h / 2;

/** A DP's colour from its numbers alone (no finding): its tightest bar, the 20 connections of client Windows included. */
function levelFromBars(p: Probe, ref: string): string {
  const ratios = p.bars
    .filter((b) => b.object === ref)
    .map((b) => /^([\d,]+) \/ ([\d,]+)/.exec(b.text)!)
    .map((m) => Number(m[1].replace(/,/g, "")) / Number(m[2].replace(/,/g, "")));
  const r = Math.max(0, ...ratios);
  return r >= 0.9 ? "over" : r >= 0.7 ? "tight" : "ok";
}
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Each boundary-group chip sits on the row of a DP box that lists it, to its right. */
function chipsBesideDps(nodes: ProbedNode[]): void {
  const dps = nodes.filter((n) => n.kind === "dp");
  for (const chip of nodes.filter((n) => n.kind === "bg")) {
    const dp = dps.find((d) => Math.abs(mid(d.box) - mid(chip.box)) < 1);
    expect(dp, `a DP on the row of ${chip.ref}`).toBeDefined();
    expect(chip.box.x).toBeGreaterThan(dp!.box.x + dp!.box.w);
  }
}

/** Readable: no two boxes overlap, and every label (and percentage) fits inside its box without touching. */
function readable(nodes: ProbedNode[]): void {
  for (const n of nodes) {
    expect(n.label.x, n.text).toBeGreaterThanOrEqual(n.box.x);
    const right = n.pct ? n.pct.x : n.box.x + n.box.w;
    expect(n.label.x + n.label.w, `${n.text} fits its box`).toBeLessThanOrEqual(right - 2);
  }
  const sorted = [...nodes].sort((a, b) => a.box.y - b.box.y);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].box.y < sorted[i].box.y + sorted[i].box.h; j++) {
      expect(overlap(sorted[i].box, sorted[j].box), `${sorted[i].text} / ${sorted[j].text}`).toBe(false);
    }
  }
}

// A missing browser fails here (and the suite below), never skips: CI must install it.
it(`finds Chromium at ${CHROMIUM}`, () => requireChromium());

describe("the report rendered in headless Chromium", () => {
  let lab: Probe;
  let branch: Probe;
  let hostile: Probe;
  let hostileDom: string;
  let stray: Probe;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    requireChromium();
    mkdirSync(shots, { recursive: true });
    const write = (name: string, html: string) => {
      files[name] = join(dir, `${name}.html`);
      writeFileSync(files[name], html);
      return html;
    };
    const example = (name: string) => reportOfFile(join(root, "examples", name, "topology.yaml"), `examples/${name}/topology.yaml`);
    const labHtml = write("lab", example("lab"));
    const branchHtml = write("branch", example("branch-offices"));
    const hostileHtml = write("hostile", reportOf(hostileLabDoc(), "hostile.yaml"));
    [lab, branch, hostile, hostileDom, stray] = await Promise.all([
      probe("lab", labHtml),
      probe("branch", branchHtml),
      probe("hostile", hostileHtml),
      dumpDom(files.hostile),
      probe("stray", reportOf(strayDoc(), "stray.yaml")),
    ]);
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the lab: a node for P01 and for WIN701 (red: 18 of Windows 7's 20 connections), its boundary group beside it", () => {
    const kinds = lab.nodes.map((n) => [n.kind, n.ref, n.level]);
    expect(kinds).toEqual([
      ["primary", "site:P01", "ok"],
      ["dp", "dp:win701.lab.local", "over"],
      ["bg", "bg:Lab HQ", "ok"],
    ]);
    const dp = lab.nodes[1];
    expect(dp.text).toBe("win701.lab.local");
    expect(dp.fill).toBe(hexToRgb(LEVEL_COLOURS.over.fill));
    // P01 is to the left of its DP, on the same row (a parent shares its first child's row).
    expect(lab.nodes[0].box.x + lab.nodes[0].box.w).toBeLessThan(dp.box.x);
    chipsBesideDps(lab.nodes);
    readable(lab.nodes);
    expect(lab.bars).toEqual(
      expect.arrayContaining([
        { limit: "standard-dps", object: "site:P01", text: "1 / 250" },
        { limit: "pull-dps", object: "site:P01", text: "0 / 2,000" },
        { limit: "tree-dps", object: "site:P01", text: "1 / 5,000" },
        { limit: "dp-clients", object: "dp:win701.lab.local", text: "18 / 4,000" },
        { limit: "client-os-connections", object: "dp:win701.lab.local", text: "18 / 20" },
        { limit: "content", object: "dp:win701.lab.local", text: "160 / 10,000" },
      ]),
    );
  });

  it("a DP with an unwaived error is red even far from every numeric limit; its markup-named group stays text", () => {
    const win702 = hostile.nodes.find((n) => n.ref === "dp:win702.lab.local")!;
    expect(win702.level).toBe("over");
    expect(win702.fill).toBe(hexToRgb(LEVEL_COLOURS.over.fill));
    const win701 = hostile.nodes.find((n) => n.ref === "dp:win701.lab.local")!;
    expect(win701.level).toBe(levelFromBars(hostile, "dp:win701.lab.local"));
    expect(win701.fill).toBe(hexToRgb(LEVEL_COLOURS[win701.level as keyof typeof LEVEL_COLOURS].fill));
    const chip = hostile.nodes.find((n) => n.kind === "bg" && n.ref === `bg:${HOSTILE_GROUP}`)!;
    expect(chip.text).toBe(HOSTILE_GROUP.slice(0, 23) + "…");
    chipsBesideDps(hostile.nodes);
    // Only the probe's own script exists; in the page as written, no script element at all.
    expect(hostile.scripts).toBe(1);
    expect(hostileDom).not.toMatch(/<script|<img/i);
    expect(hostileDom).toContain("&lt;script&gt;alert(\"bg\")&lt;/script&gt; &amp; 'HQ'");
  });

  it("the branch offices: a node per site and per DP, each DP's boundary group beside it, coloured by its numbers, readable", () => {
    const doc = readFileSync(join(root, "examples/branch-offices/topology.yaml"), "utf8");
    const servers = [...doc.matchAll(/^ {2}- server: (\S+)$/gm)].map((m) => m[1]);
    expect(servers).toHaveLength(39);
    const refs = (kind: string) => branch.nodes.filter((n) => n.kind === kind).map((n) => n.ref);
    expect(refs("primary")).toEqual(["site:P01"]);
    expect(refs("secondary")).toEqual(["site:S01", "site:S02"]);
    expect(refs("dp").sort()).toEqual(servers.map((s) => `dp:${s}`).sort());
    expect(refs("bg")).toHaveLength(39);
    chipsBesideDps(branch.nodes);
    readable(branch.nodes);
    // The document validates clean: sites and groups are green, each DP has the colour of its tightest figure.
    for (const n of branch.nodes.filter((x) => x.kind !== "dp")) expect(n.fill, n.text).toBe(hexToRgb(LEVEL_COLOURS.ok.fill));
    for (const n of branch.nodes.filter((x) => x.kind === "dp")) {
      expect(n.level, n.text).toBe(levelFromBars(branch, n.ref!));
      expect(n.fill, n.text).toBe(hexToRgb(LEVEL_COLOURS[n.level as keyof typeof LEVEL_COLOURS].fill));
    }
    expect(branch.nodes.some((n) => n.level !== "ok")).toBe(true); // client-OS branch DPs near 20
    // Secondaries sit between their primary and their DPs.
    const p01 = branch.nodes.find((n) => n.ref === "site:P01")!;
    const s01 = branch.nodes.find((n) => n.ref === "site:S01")!;
    const mold = branch.nodes.find((n) => n.ref === "dp:mold-dp01.contoso.com")!;
    expect(p01.box.x).toBeLessThan(s01.box.x);
    expect(s01.box.x + s01.box.w).toBeLessThan(mold.box.x);
    expect(mold.box.y).toBeGreaterThan(s01.box.y);
  });

  it("objects outside the tree, long names and many groups stay readable", () => {
    readable(stray.nodes);
    chipsBesideDps(stray.nodes.filter((n) => n.kind === "dp" || (n.kind === "bg" && n.ref !== "bg:Alone" && !n.text.startsWith("Also"))));
    const lonely = stray.nodes.find((n) => n.text === "(no distribution point)")!;
    const alone = stray.nodes.find((n) => n.ref === "bg:Alone")!;
    expect(Math.abs(mid(lonely.box) - mid(alone.box))).toBeLessThan(1);
  });

  it("screenshots of the lab and branch reports", async () => {
    const lab = join(shots, "report-lab.png");
    const branchPng = join(shots, "report-branch-offices.png");
    await Promise.all([screenshot(files.lab, lab, 1400, 1000), screenshot(files.branch, branchPng, 1400, 1800)]);
    for (const [png, height] of [
      [lab, 1000],
      [branchPng, 1800],
    ] as const) {
      const data = readFileSync(png);
      expect(pngSize(data)).toEqual({ width: 1400, height });
      expect(data.length).toBeGreaterThan(30_000);
    }
  }, 30_000);
});
