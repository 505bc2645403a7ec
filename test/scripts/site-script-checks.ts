import { expect } from "vitest";
import { normalizeTopology } from "../../lib/topology/normalize";
import { type DistributionPointDoc, type TopologyDoc, type TopologyInput, topologySchema } from "../../lib/topology/schema";
import { analyze, type PsCommand } from "./pwsh-analysis";

/** Shared checks for the scripts that run on a site server (dp-role, boundary-group, secondary, primary). */

export type ParsedCommand = PsCommand;

export async function commands(script: string): Promise<readonly ParsedCommand[]> {
  return (await analyze(script, {})).commands;
}

export const isCmCmdlet = (name: string): boolean => /^[A-Za-z]+-CM[A-Z]/.test(name);

/**
 * Parses cleanly (PowerShell's parser); every ConfigMgr cmdlet carries -ErrorAction Stop; every
 * Remove-* carries -Force; the script ends in the step's try/catch with exit 0 / exit 1; the text is
 * ASCII apart from `values` (non-ASCII input values, which the test put there on purpose).
 */
export async function expectSiteScriptOk(script: string, values: readonly string[] = []): Promise<readonly ParsedCommand[]> {
  const analysis = await analyze(script, {});
  expect(analysis.errors).toEqual([]);
  const cmds = analysis.commands;
  for (const cmd of cmds.filter((c) => isCmCmdlet(c.name))) {
    expect(cmd.parameters, `${cmd.name} without -ErrorAction Stop: ${cmd.text}`).toContain("ErrorAction");
    expect(cmd.text, `${cmd.name} without -ErrorAction Stop`).toMatch(/ -ErrorAction Stop\b/);
  }
  for (const cmd of cmds.filter((c) => /^Remove-CM/.test(c.name))) {
    expect(cmd.parameters, `${cmd.name} without -Force`).toContain("Force");
  }
  expect(script).toMatch(/\n {2}exit 0\n\} catch \{\n {2}Write-Result 'failed' \$_\.Exception\.Message\n {2}exit 1\n\}\n$/);
  const generated = values.reduce((text, value) => text.split(value).join(""), script);
  expect(/^[\x09\x0a\x20-\x7e]*$/.test(generated), "non-ASCII character in a generated script").toBe(true);
  return cmds;
}

export function named(cmds: readonly ParsedCommand[], name: string): ParsedCommand[] {
  return cmds.filter((c) => c.name.toLowerCase() === name.toLowerCase());
}

type DpInput = NonNullable<TopologyInput["distributionPoints"]>[number];

/** A parsed, defaulted and normalised document (what the script inputs are built from). */
export function parsedDoc(doc: TopologyInput): TopologyDoc {
  return normalizeTopology(topologySchema.parse(doc));
}

/** One Windows Server 2022 DP at P01, with `extra` fields, after parsing and normalisation. */
export function serverDpDoc(extra: Partial<DpInput> = {}, version = "2403"): DistributionPointDoc {
  const doc = parsedDoc({
    configMgrVersion: version,
    domain: "CONTOSO",
    primarySites: [{ siteCode: "P01", server: "cm01.contoso.com" }],
    distributionPoints: [
      {
        server: "dp01.contoso.com",
        site: "P01",
        os: "windows-server-2022",
        edition: "standard",
        architecture: "x64",
        hardware: { cores: 4, memoryGB: 16 },
        ...extra,
      },
    ],
  });
  return doc.distributionPoints[0];
}
