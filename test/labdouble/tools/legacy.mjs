#!/usr/bin/env node
// The System Center 2012 SP1 / R2 signature tables: the TechNet pages of technet/2012r2.txt where
// they were readable here, and for every other cmdlet the earliest stored reference (1610) —
// marked as such in its "source" (README, "Sources": UNCONFIRMED for those cmdlets).
//   node test/labdouble/tools/legacy.mjs
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { parseSyntaxLine } from "./signatures.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "signatures");
const base = JSON.parse(readFileSync(join(out, "1610.json"), "utf8"));
const t1702 = JSON.parse(readFileSync(join(out, "1702.json"), "utf8"));
// Get-CMSiteRole is in the 2012 library and in 1702's reference but not in the 1610 pages (the
// migration "removed undocd topics"): 1610 and 2012 get 1702's signature, marked as such.
if (!base.cmdlets["Get-CMSiteRole"]) {
  base.cmdlets["Get-CMSiteRole"] = { ...t1702.cmdlets["Get-CMSiteRole"], source: `UNCONFIRMED: not in the 1610 reference; the 1702 page is used (${t1702.cmdlets["Get-CMSiteRole"].source})` };
  writeFileSync(join(out, "1610.json"), JSON.stringify(base, null, 1) + "\n");
}

function technet(file) {
  const cmdlets = {};
  for (const block of readFileSync(file, "utf8").split(/^## /m).slice(1)) {
    const [head, ...rest] = block.split("\n");
    const [name, url] = head.trim().split(/\s+/);
    const sets = {};
    let defaultSet, shouldProcess = false, current;
    for (const line of rest) {
      const m = line.match(/^Parameter Set:\s*(\S+)/);
      if (m) { current = m[1]; defaultSet ??= current; continue; }
      if (current && line.trim().startsWith(name)) {
        const r = parseSyntaxLine(line.trim().slice(name.length));
        sets[current] = r.params.map(({ positional, ...p }) => p);
        shouldProcess ||= r.shouldProcess;
      }
    }
    cmdlets[name] = { source: url, defaultSet, shouldProcess, sets };
  }
  return cmdlets;
}

const r2 = technet(join(here, "technet", "2012r2.txt"));
for (const [version, file, note] of [
  ["2012 R2", "2012r2", "TechNet v=sc.20"],
  ["2012 SP1", "2012sp1", "TechNet v=sc.20 (R2) pages: the v=sc.10 (SP1) pages were not stored here; SP1 assumed equal (UNCONFIRMED)"],
]) {
  const cmdlets = {};
  for (const [name, sig] of Object.entries(base.cmdlets)) {
    if (r2[name]) cmdlets[name] = { ...r2[name], source: `${r2[name].source} — ${note}` };
    else cmdlets[name] = { ...sig, source: `UNCONFIRMED for ${version}: no 2012 page stored here; the 1610 reference is used (${sig.source})` };
  }
  // No Get-CMDistributionPointInfo / Get-CMBoundaryGroupSiteSystem before the current branch's 1702 reference.
  writeFileSync(join(out, `${file}.json`), JSON.stringify({ version, source: "TechNet System Center 2012 cmdlet reference (see each cmdlet)", cmdlets }, null, 1) + "\n");
  console.log(version, Object.keys(cmdlets).length, "cmdlets");
}
