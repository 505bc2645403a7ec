import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundaryGroupScript } from "../../lib/scripts/boundary-group";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import { psQuote } from "../../lib/scripts/quote";
import type { HostPrepInput, ScriptAction } from "../../lib/scripts/types";
import { topologySchema } from "../../lib/topology/schema";
import { parseTree, type SyntaxNode } from "./powershell-parser";

/**
 * Any name the schema accepts, placed into a host script, stays inside one single-quoted string
 * literal: the script parses and has exactly the literals and commands it has for a plain value.
 */
const nameSchema = topologySchema.shape.domain;
const accepted = (s: string) => nameSchema.safeParse(s).success;

const NASTY = ["'", "\u2019", "\u2018", "\u201a", "\u201b", "''", "$", "$(whoami)", "${env:PATH}", "`", "`n", ";", '"', "#", "<#", "#>", "@'", "'@", "|", "&", "{", "}", "(", ")", "\\", ".", " ", "é", "日本", "🙂", "exit 1", "; Remove-Item C:\\ -Recurse;"];
const nameArb = fc
  .oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 64 }),
    fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", maxLength: 4 })), { minLength: 1, maxLength: 24 }).map((parts) => parts.join("")),
    fc.string({ unit: "grapheme-ascii", minLength: 900, maxLength: 1024 }),
  )
  .filter(accepted);

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

/**
 * tree-sitter-powershell ends a single-quoted string only at ', but PowerShell also ends it at
 * the typographic quotes U+2018–U+201B. So each literal's content is checked by PowerShell's own
 * rule as well: every quote character of any of the five kinds comes in a doubled pair.
 */
const PS_QUOTES = "'\u2018\u2019\u201a\u201b";
const VALID_VERBATIM_CONTENT = new RegExp(`^(?:[^${PS_QUOTES}]|[${PS_QUOTES}]{2})*$`, "s");

interface Shape {
  errors: number;
  /** Single-quoted literals that PowerShell would end early (an undoubled quote of any kind inside). */
  brokenLiterals: number;
  strings: number;
  commands: number;
  types: string;
}

async function shapeOf(script: string): Promise<Shape> {
  const root = await parseTree(script);
  let errors = 0;
  let brokenLiterals = 0;
  let strings = 0;
  let commands = 0;
  const types: string[] = [];
  const walk = (node: SyntaxNode) => {
    if (node.type === "ERROR" || node.isMissing) errors++;
    if (node.type === "string_literal") strings++;
    if (node.type === "verbatim_string_characters" && !VALID_VERBATIM_CONTENT.test(node.text.slice(1, -1))) brokenLiterals++;
    if (node.type === "command") commands++;
    types.push(node.type);
    for (const child of node.children) walk(child);
  };
  walk(root);
  return { errors, brokenLiterals, strings, commands, types: types.join(" ") };
}

const plainShapes = new Map<string, Shape>();
async function plainShape(os: HostPrepInput["os"], action: ScriptAction): Promise<Shape> {
  const key = `${os}/${action}`;
  let shape = plainShapes.get(key);
  if (!shape) {
    shape = await shapeOf(hostPrepareScript({ ...BASE, os }, action));
    plainShapes.set(key, shape);
  }
  return shape;
}

describe("values in host scripts", () => {
  it("the literal check itself knows PowerShell's quotes", async () => {
    expect((await shapeOf("$a = 'O''Brien \u2019\u2019 \u2018\u2019'")).brokenLiterals).toBe(0);
    expect((await shapeOf("$a = 'x\u2019; whoami; \u2019'")).brokenLiterals).toBe(1);
  });

  it("any accepted name stays inside one string literal", async () => {
    await fc.assert(
      fc.asyncProperty(
        nameArb,
        fc.constantFrom(...FIELDS),
        fc.constantFrom(...OSES),
        fc.constantFrom<ScriptAction>("create", "delete"),
        async (value, field, os, action) => {
          const script = hostPrepareScript({ ...BASE, os, [field]: value }, action);
          const shape = await shapeOf(script);
          const plain = await plainShape(os, action);
          expect(shape.errors).toBe(0);
          expect(shape.brokenLiterals).toBe(0);
          expect(shape.strings).toBe(plain.strings);
          expect(shape.commands).toBe(plain.commands);
          expect(shape.types).toBe(plain.types);
        },
      ),
      { numRuns: 200 },
    );
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

  it("any accepted name or description stays inside one string literal of the role and boundary-group scripts", async () => {
    const plain = new Map<string, Shape>();
    await fc.assert(
      fc.asyncProperty(
        nameArb,
        fc.constantFrom("role-description", "role-group", "bg-name", "bg-description", "bg-adSite"),
        fc.constantFrom<ScriptAction>("create", "update", "delete"),
        async (value, where, action) => {
          const [kind, field] = where.split("-");
          const make = (v?: string) => (kind === "role" ? role({ [field]: v }, action) : group({ [field]: v }, action));
          const key = `${where}/${action}`;
          if (!plain.has(key)) plain.set(key, await shapeOf(make()));
          const shape = await shapeOf(make(value));
          expect(shape.errors).toBe(0);
          expect(shape.brokenLiterals).toBe(0);
          expect(shape.commands).toBe(plain.get(key)!.commands);
          expect(shape.strings).toBe(plain.get(key)!.strings);
        },
      ),
      { numRuns: 120 },
    );
  });
});
