import { validateDocument } from "../../lib/rules/engine";
import { renderReportHtml } from "../../lib/report/html";
import { loadTopologyObject, readTopologyFile, readTopologyText } from "../../lib/topology/load";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";

export const HOSTILE_GROUP = `<script>alert("bg")</script> & 'HQ'`;
export const HOSTILE_DESCRIPTION = `"><img src=x onerror=alert(1)>`;

/**
 * The lab plus WIN702: far from every numeric limit but with 4 GB of memory (DP-HW-MIN, an
 * error), in a boundary group whose name is markup.
 */
export function hostileLabDoc() {
  const doc = labDoc();
  doc.boundaryGroups!.push({ name: HOSTILE_GROUP, assignedSite: "P01", clients: 5, boundaries: [{ ipSubnet: "192.168.2.0/24" }] });
  doc.distributionPoints.push({
    ...doc.distributionPoints[0],
    server: "win702.lab.local",
    hardware: { cores: 2, memoryGB: 4 },
    boundaryGroups: [HOSTILE_GROUP],
    description: HOSTILE_DESCRIPTION,
  });
  return doc;
}

/** The report of a document (YAML text or an object), validated as the CLI does. */
export function reportOf(doc: string | object, file = "topology.yaml"): string {
  const loaded = typeof doc === "string" ? readTopologyText(doc, file) : loadTopologyObject(doc);
  const v = validateDocument(loaded);
  return renderReportHtml({ file, model: v.model, diagnostics: v.diagnostics, summary: v.summary });
}

/** The report of a file, titled with `shown` (the path as a user would type it). */
export function reportOfFile(path: string, shown = path): string {
  const v = validateDocument(readTopologyFile(path));
  return renderReportHtml({ file: shown, model: v.model, diagnostics: v.diagnostics, summary: v.summary });
}

/** Attribute values and CSS that would make a browser fetch something. `<a href>` is a link, not a fetch. */
export function resourceReferences(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)\b[^>]*>/g)) {
    for (const attr of tag[0].matchAll(/\s([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = attr[1].toLowerCase();
      const value = attr[2].replace(/^["']|["']$/g, "");
      if (tag[1].toLowerCase() === "a" && name === "href") continue;
      if (/^(https?:)?\/\//i.test(value.trim()) || ["src", "srcset", "href", "xlink:href", "poster", "data", "action"].includes(name)) found.push(tag[0]);
    }
  }
  for (const css of html.matchAll(/url\s*\(|@import|@font-face/gi)) found.push(css[0]);
  for (const el of html.matchAll(/<(script|link|img|iframe|object|embed|video|audio|source|base)\b/gi)) found.push(el[0]);
  return found;
}

/**
 * What hangs under nothing: a secondary whose parent P09 does not exist, a DP of an unknown
 * site X99, groups that no DP serves, a DP with five groups (one of them unknown) and a long name.
 */
export function strayDoc() {
  const doc = cbDoc();
  const group = (name: string, i: number) => ({ name, assignedSite: "P01", boundaries: [{ ipSubnet: `10.${i}.0.0/24` }] });
  doc.secondarySites = [{ siteCode: "S01", parent: "P09", server: "cm02.contoso.com" }];
  doc.boundaryGroups = ["A", "B", "C", "D", "Alone", "Also alone, with a very long boundary group name"].map(group);
  doc.boundaryGroups[0].clients = 3000;
  doc.distributionPoints = [
    serverDp("a-very-long-distribution-point-host-name.branch.region.contoso.com", "P01", { boundaryGroups: ["A", "Missing", "B", "C", "D"] }),
    serverDp("lost.contoso.com", "X99", { boundaryGroups: ["B"] }),
    serverDp("sec.contoso.com", "S01", { boundaryGroups: ["C"] }),
  ];
  return doc;
}
