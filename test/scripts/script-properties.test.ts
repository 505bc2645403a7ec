import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundaryGroupScript } from "../../lib/scripts/boundary-group";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import { psQuote } from "../../lib/scripts/quote";
import type { HostPrepInput, ScriptAction } from "../../lib/scripts/types";
import { accepted, nameArb } from "./hostile";
import { type Analysis, analyze, analyzeAll, pwshStarts } from "./pwsh-analysis";

/**
 * Any name the schema accepts, placed into a script, stays inside one single-quoted string
 * literal: PowerShell's own parser (batched, one pwsh process) reads exactly the literals,
 * commands and syntax tree it reads for a plain value, and the value itself as one literal.
 * PowerShell also ends a single-quoted string at the typographic quotes U+2018–U+201B; its own
 * parser is the judge of that here.
 */
const BASE: HostPrepInput = {
  os: "windows-7",
  domain: "LAB",
  siteServer: "cm01.lab.local",
  dpServer: "win701.lab.local",
  installFeatures: true,
  grantLocalAdmin: true,
};
/** One OS per family, so every family's feature lines are covered. */
const OSES = ["windows-7", "windows-10", "windows-server-2008-r2", "windows-server-2022"] as const;
const FIELDS = ["domain", "siteServer", "dpServer"] as const;

interface Shape {
  readonly errors: number;
  readonly strings: readonly string[];
  readonly commands: number;
  readonly types: string;
}
const shape = (a: Analysis): Shape => ({ errors: a.errors.length, strings: a.strings, commands: a.commands.length, types: a.types });
const shapeOf = async (script: string) => shape(await analyze(script, { shape: true }));

/** Checks every sample in one batch: the plain script's shape with the plain value swapped for the hostile one. */
async function expectSameShape(samples: readonly { script: string; plain: string; value: string; plainValue: string }[]) {
  const analyses = await analyzeAll([...samples.map((s) => s.script), ...samples.map((s) => s.plain)], { shape: true });
  const n = samples.length;
  samples.forEach((sample, i) => {
    const got = shape(analyses[i]);
    const want = shape(analyses[n + i]);
    expect(got.errors, sample.value).toBe(0);
    expect(got.commands, sample.value).toBe(want.commands);
    expect(got.types, sample.value).toBe(want.types);
    expect(got.strings, sample.value).toEqual(want.strings.map((s) => (s === sample.plainValue ? sample.value : s)));
  });
}

describe("values in host scripts", () => {
  it("PowerShell's parser ends a literal at typographic quotes (what psQuote doubles)", async () => {
    // Any two quote characters in a row are one literal quote (the second one).
    expect((await shapeOf("$a = 'O''Brien \u2019\u2019 \u2018\u2019'")).strings).toEqual(["O'Brien \u2019 \u2019"]);
    expect((await shapeOf("$a = 'x\u2019; whoami; \u2019'")).commands).toBe(1);
  });

  it("any accepted name stays inside one string literal", async () => {
    const samples = fc.sample(fc.tuple(nameArb, fc.constantFrom(...FIELDS), fc.constantFrom(...OSES), fc.constantFrom<ScriptAction>("create", "delete")), 200).map(([value, field, os, action]) => ({
      script: hostPrepareScript({ ...BASE, os, [field]: value }, action),
      plain: hostPrepareScript({ ...BASE, os }, action),
      value,
      plainValue: BASE[field],
    }));
    // A field's plain value also appears inside derived literals (the account, the member path); those are checked by content.
    await expectSameShapeLoose(samples);
    expect(pwshStarts).toBe(1);
  });

  it("a value with a line break or control character is refused, never emitted", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.constantFrom("\n", "\r", "\r\n", "\u0000", "\u001b", "\u0085", "\u2028", "\u2029"),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...FIELDS),
        (before, breaker, after, field) => {
          const value = before + breaker + after;
          expect(accepted(value)).toBe(false);
          expect(() => psQuote(value)).toThrow(/control character or line break/);
          expect(() => hostPrepareScript({ ...BASE, [field]: value }, "create")).toThrow(/control character or line break/);
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** Like expectSameShape, but literals derived from the value (LAB\\CM01$ from the domain) only need to contain it. */
async function expectSameShapeLoose(samples: readonly { script: string; plain: string; value: string; plainValue: string }[]) {
  const analyses = await analyzeAll([...samples.map((s) => s.script), ...samples.map((s) => s.plain)], { shape: true });
  const n = samples.length;
  samples.forEach((sample, i) => {
    const got = analyses[i];
    const want = analyses[n + i];
    expect(got.errors, sample.value).toEqual([]);
    expect(got.commands.length, sample.value).toBe(want.commands.length);
    expect(got.strings.length, sample.value).toBe(want.strings.length);
    expect(got.types, sample.value).toBe(want.types);
    expect(got.strings.some((s) => s.includes(sample.value)), sample.value).toBe(true);
  });
}

describe("values in site-server scripts", () => {
  // The seed lab's DP as the role script receives it (normalised, defaults applied).
  const labDp = () =>
    ({
      server: "win701.lab.local",
      site: "P01",
      os: "windows-7",
      edition: "enterprise",
      architecture: "x64",
      serverCore: false,
      hardware: { cores: 2, memoryGB: 8 },
      boundaryGroups: ["Lab HQ"],
      prepareHost: true,
      installIIS: false,
      clientConnection: "http",
      clientConnectionType: "intranet",
      description: "Lab DP",
      storage: { primaryContentLibrary: "C", primaryPackageShare: "C", minimumFreeSpaceMB: 50 },
    }) as never;
  const role = (over: { description?: string; group?: string }, action: ScriptAction) =>
    dpRoleScript(
      {
        version: "2403",
        siteCode: "P01",
        siteServer: "cm01.lab.local",
        dp: { ...(labDp() as object), description: over.description ?? "Lab DP" } as never,
        boundaryGroups: [over.group ?? "Lab HQ"],
      },
      action,
    );
  const group = (over: { name?: string; description?: string; adSite?: string }, action: ScriptAction) =>
    boundaryGroupScript(
      {
        version: "2403",
        siteCode: "P01",
        siteServer: "cm01.lab.local",
        name: over.name ?? "Lab HQ",
        description: over.description ?? "HQ",
        assignedSite: "P01",
        boundaries: [{ ipSubnet: "192.168.1.0/24" }, { adSite: over.adSite ?? "HQ-Site" }],
        siteSystems: ["win701.lab.local"],
      },
      action,
    );
  const PLAIN: Record<string, string> = { "role-description": "Lab DP", "role-group": "Lab HQ", "bg-name": "Lab HQ", "bg-description": "HQ", "bg-adSite": "HQ-Site" };

  it("any accepted name or description stays inside one string literal of the role and boundary-group scripts", async () => {
    const samples = fc
      .sample(fc.tuple(nameArb, fc.constantFrom(...Object.keys(PLAIN)), fc.constantFrom<ScriptAction>("create", "update")), 120)
      .map(([value, where, action]) => {
        const [kind, field] = where.split("-");
        const make = (v?: string) => (kind === "role" ? role({ [field]: v }, action) : group({ [field]: v }, action));
        // Boundary values are trimmed (boundarySpec): the literal holds the trimmed value.
        return { script: make(value), plain: make(), value: where === "bg-adSite" ? value.trim() : value, plainValue: PLAIN[where] };
      });
    await expectSameShape(samples);
  });
});
