"use strict";
/**
 * Pulumi layer speed (a benchmark, not a test): build a Hierarchy of 5,000 DPs under Pulumi's
 * mocks and compare it with registering 5,000 bare dynamic resources that carry the same DP
 * inputs and the same provider. Prints both times, their ratio (target ≤ 2) and the provider
 * text per resource (the state stores it twice per resource: inputs and outputs), both from this
 * checkout and as a user's project stores it. Exit 1 when the ratio misses the target.
 *
 *   npm run build && node bench/pulumi-hierarchy.js [--reps N]
 *
 * Each measurement runs in a fresh child process (Pulumi's runtime state is global); the
 * median of N runs (default 3) is reported.
 *
 * The hierarchy: current branch 2509, one primary with 250 standard DPs and 250 secondary sites
 * of 19 DPs each (5,000 DPs, the most one primary tree may hold), one boundary group per site.
 */
const { spawnSync } = require("node:child_process");

const DPS = 5000;

function hierarchyDoc() {
  const { generateHierarchy } = require("./generate-hierarchy");
  const doc = generateHierarchy({ primaries: 1, standardPerPrimary: 250, secondariesPerPrimary: 250, dpsPerSecondary: 19 });
  // One boundary group per site instead of one per DP.
  const groupOf = new Map();
  doc.boundaryGroups = [];
  let i = 0;
  for (const site of [...doc.primarySites, ...doc.secondarySites]) {
    const name = `BG ${site.siteCode}`;
    groupOf.set(site.siteCode, name);
    doc.boundaryGroups.push({ name, assignedSite: site.parent ?? site.siteCode, clients: 40, boundaries: [{ ipSubnet: `10.${i >> 8}.${i++ & 255}.0/24` }] });
  }
  for (const dp of doc.distributionPoints) dp.boundaryGroups = [groupOf.get(dp.site)];
  return doc;
}

/** Runs in the child: one measurement, printed as JSON. */
async function measure(mode) {
  const pulumi = require("@pulumi/pulumi");
  let providerBytes = 0;
  let dynamicResources = 0;
  let registrations = 0;
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        registrations++;
        if (typeof a.inputs.__provider === "string") {
          dynamicResources++;
          providerBytes += a.inputs.__provider.length;
        }
        return { id: a.custom ? `${a.name}-id` : undefined, state: {} };
      },
      call: (a) => a.inputs,
    },
    "bench",
    "dev",
    false,
  );
  const doc = hierarchyDoc();
  const resources = [];
  const start = process.hrtime.bigint();
  if (mode === "hierarchy") {
    const { Hierarchy } = require("../dist/index");
    const h = new Hierarchy("bench", { topology: doc, provision: false });  // the check layer only: provisioning adds two remote.Commands per DP
    resources.push(h, h.topology);
    for (const map of [h.primarySites, h.secondarySites, h.boundaryGroups, h.distributionPoints]) {
      for (const c of Object.values(map)) resources.push(c, c.resource);
    }
  } else {
    // The same DP inputs the Hierarchy passes (settings + facts), on the same provider.
    const { parseTopology } = require("../dist/topology/parse");
    const { loadTopologyObject } = require("../dist/topology/load");
    const { hierarchyInputs } = require("../dist/pulumi/facts");
    const { distributionPointProvider } = require("../dist/pulumi/providers");
    const parsed = parseTopology(loadTopologyObject(doc));
    const inputs = hierarchyInputs(parsed.model).dps;
    inputs.forEach((props, i) => {
      resources.push(new pulumi.dynamic.Resource(distributionPointProvider, `bare-${i}`, { ...props }, {}, "configmgr", "DistributionPoint"));
    });
  }
  await Promise.all(resources.map((r) => r.urn.promise()));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, registrations, dynamicResources, providerBytes }));
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(mode) {
  const child = spawnSync(process.execPath, [__filename, "--child", mode], { encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } });
  if (child.status !== 0) throw new Error(`${mode} run failed:\n${child.stderr}`);
  return JSON.parse(child.stdout);
}

/**
 * The provider text as a user's state stores it: serialised in a project that installed the
 * library under node_modules (copies of the library and of @pulumi/pulumi, the rest linked).
 * There Pulumi's serialiser stores a require of the provider's module instead of its source.
 */
function installedProviderBytes() {
  const fs = require("node:fs");
  const path = require("node:path");
  const os = require("node:os");
  const root = path.resolve(__dirname, "..");
  const ours = path.join(root, "node_modules");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "configmgr-bench-"));
  const links = [];
  try {
    const modules = path.join(dir, "node_modules");
    fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
    fs.cpSync(path.join(root, "package.json"), path.join(modules, "pulumi-configmgr", "package.json"));
    fs.cpSync(path.join(root, "dist"), path.join(modules, "pulumi-configmgr", "dist"), { recursive: true });
    fs.cpSync(path.join(ours, "@pulumi", "pulumi"), path.join(modules, "@pulumi", "pulumi"), { recursive: true });
    for (const name of fs.readdirSync(ours)) {
      if (name === "@pulumi" || name === "pulumi-configmgr") continue; // the copy above; npm ci links the checkout here too
      fs.symlinkSync(path.join(ours, name), path.join(modules, name), "dir");
      links.push(path.join(modules, name));
    }
    const code = `
      const pulumi = require("@pulumi/pulumi");
      const p = require("pulumi-configmgr/dist/pulumi/providers");
      pulumi.runtime.serializeFunction(() => p.distributionPointProvider, { allowSecrets: true })
        .then((r) => process.stdout.write(String(r.text.length)));`;
    const child = spawnSync(process.execPath, ["-e", code], { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_NO_WARNINGS: "1" } });
    return child.status === 0 ? Number(child.stdout) : undefined;
  } finally {
    for (const l of links) fs.unlinkSync(l);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const repsArg = process.argv.indexOf("--reps");
  const reps = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 3;
  const results = { hierarchy: [], bare: [] };
  for (let r = 0; r < reps; r++) for (const mode of ["bare", "hierarchy"]) results[mode].push(run(mode));
  const h = results.hierarchy[0];
  const b = results.bare[0];
  const hMs = median(results.hierarchy.map((x) => x.ms));
  const bMs = median(results.bare.map((x) => x.ms));
  const ratio = hMs / bMs;
  const kb = (bytes) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(`Pulumi layer, ${DPS.toLocaleString("en-US")} DPs under mocks (median of ${reps})`);
  console.log(`  bare dynamic resources: ${bMs.toFixed(0)} ms  (${b.registrations.toLocaleString("en-US")} registrations)`);
  console.log(`  Hierarchy:              ${hMs.toFixed(0)} ms  (${h.registrations.toLocaleString("en-US")} registrations: components, checked states, topology check)`);
  console.log(`  ratio Hierarchy / bare: ${ratio.toFixed(2)}  (target ≤ 2)`);
  const perResource = h.providerBytes / h.dynamicResources;
  console.log(`  provider text per dynamic resource, from this checkout: ${kb(perResource)} (× 2 in state: ${kb(2 * perResource)}; whole stack: ${kb(2 * h.providerBytes)})`);
  const installed = installedProviderBytes();
  if (installed !== undefined) {
    console.log(`  provider text per dynamic resource, library installed under node_modules: ${kb(installed)} (× 2 in state: ${kb(2 * installed)}; whole stack: ${kb(2 * installed * h.dynamicResources)})`);
  }
  process.exitCode = ratio <= 2 ? 0 : 1;
}

if (process.argv[2] === "--child") {
  measure(process.argv[3]).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main();
}
