/**
 * The topology schema compiled once into plain checking functions, for the common case of a
 * well-formed document. zod's parse of a 125,000-DP document allocates a payload, an issue list
 * and a copy per value and takes longer than reading and JSON-parsing the file; the compiled
 * checker makes the same copy (defaults applied, keys in the schema's order) and nothing else.
 *
 * It answers only "well-formed, here is zod's output" or NOT_FAST: on anything it is not sure of
 * (a failing check, a key present with the value undefined, `__proto__`, a non-plain object)
 * the caller runs zod, which gives the issues and their wording. So the compiled checker never
 * has to explain anything, only never accept what zod refuses (test/topology/fast-shape.test.ts
 * compares the two on corpora and on mutated documents).
 *
 * It is built from the zod schema's own definitions, so the schema stays written once. A zod
 * type or check it does not know makes the whole schema uncompilable: every document then takes
 * zod's path (slower, never wrong) and that test fails.
 */

export const NOT_FAST: unique symbol = Symbol("not fast");
type Checker = (value: unknown) => unknown;

/** The parts of zod 4's internal definitions read here. */
interface ZodDef {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Record<string, { readonly _zod: { readonly def: ZodDef } }>;
  readonly catchall?: { readonly _zod: { readonly def: ZodDef } };
  readonly innerType?: { readonly _zod: { readonly def: ZodDef } };
  readonly element?: { readonly _zod: { readonly def: ZodDef } };
  readonly entries?: Record<string, unknown>;
  readonly defaultValue?: unknown;
}
interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly fn?: (value: unknown) => unknown;
  readonly when?: unknown;
  readonly abort?: boolean;
}

class Uncompilable extends Error {}

const defOf = (schema: unknown): ZodDef => (schema as { _zod: { def: ZodDef } })._zod.def;

/**
 * "copy": returns zod's output, a new value, and leaves the input as it was.
 * "in place": returns the input itself with the defaults written into it (no copy): for a caller
 * that owns the parsed data and will not read it again. On NOT_FAST the input may already hold
 * some defaults, which zod would fill in the same way.
 */
export type ShapeMode = "copy" | "in place";

/** A compiled checker for the schema, or undefined when the schema uses what this does not know. */
export function compileShape(schema: unknown, mode: ShapeMode = "copy"): Checker | undefined {
  try {
    return compile(defOf(schema), mode);
  } catch (e) {
    if (e instanceof Uncompilable) return undefined;
    throw e;
  }
}

function compile(def: ZodDef, mode: ShapeMode): Checker {
  switch (def.type) {
    case "string":
      return withChecks(def, (v) => (typeof v === "string" ? v : NOT_FAST));
    case "number":
      return withChecks(def, (v) => (typeof v === "number" && Number.isFinite(v) ? v : NOT_FAST));
    case "boolean":
      return withChecks(def, (v) => (typeof v === "boolean" ? v : NOT_FAST));
    case "enum": {
      const values = new Set(Object.values(def.entries ?? {}));
      return withChecks(def, (v) => (values.has(v) ? v : NOT_FAST));
    }
    case "array":
      return withChecks(def, arrayOf(compile(defOf(def.element), mode), mode));
    case "object":
      return withChecks(def, objectOf(def, mode));
    default:
      throw new Uncompilable(`zod type ${def.type}`);
  }
}

/** The value's own checks (lengths, bounds, integer, refinements) on its parsed value, as zod runs them. */
function withChecks(def: ZodDef, base: Checker): Checker {
  const checks = (def.checks ?? []).map((c) => checkOf(c._zod.def));
  if (checks.length === 0) return base;
  return (v) => {
    const out = base(v);
    if (out === NOT_FAST) return NOT_FAST;
    for (let i = 0; i < checks.length; i++) if (!checks[i](out)) return NOT_FAST;
    return out;
  };
}

function checkOf(c: CheckDef): (v: unknown) => boolean {
  switch (c.check) {
    case "min_length": {
      const min = c.minimum!;
      return (v) => (v as { length: number }).length >= min;
    }
    case "max_length": {
      const max = c.maximum!;
      return (v) => (v as { length: number }).length <= max;
    }
    case "greater_than": {
      const bound = c.value!;
      return c.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
    }
    case "less_than": {
      const bound = c.value!;
      return c.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
    }
    case "number_format":
      if (c.format !== "safeint") throw new Uncompilable(`number format ${c.format}`);
      return (v) => Number.isSafeInteger(v);
    case "custom": {
      const fn = c.fn!;
      return (v) => fn(v) === true;
    }
    default:
      throw new Uncompilable(`zod check ${c.check}`);
  }
}

function arrayOf(element: Checker, mode: ShapeMode): Checker {
  if (mode === "in place") {
    return (v) => {
      if (!Array.isArray(v)) return NOT_FAST;
      for (let i = 0; i < v.length; i++) if (element(v[i]) === NOT_FAST) return NOT_FAST;
      return v;
    };
  }
  return (v) => {
    if (!Array.isArray(v)) return NOT_FAST;
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = element(v[i]);
      if (x === NOT_FAST) return NOT_FAST;
      out[i] = x;
    }
    return out;
  };
}

/** How one field of an object is read: required, optional (absent stays absent) or defaulted. */
interface Field {
  readonly key: string;
  readonly check: Checker;
  readonly absent: "refuse" | "omit" | "default";
  readonly fallback?: () => unknown;
}

function fieldOf(key: string, def: ZodDef, mode: ShapeMode): Field {
  if (def.type === "optional") return { key, check: compile(defOf(def.innerType), mode), absent: "omit" };
  if (def.type === "default") {
    const value = def.defaultValue;
    let fallback: () => unknown;
    if (Array.isArray(value) && value.length === 0) fallback = () => [];
    else if (value === null || typeof value !== "object") fallback = () => value;
    else throw new Uncompilable(`default ${JSON.stringify(value)}`);
    return { key, check: compile(defOf(def.innerType), mode), absent: "default", fallback };
  }
  return { key, check: compile(def, mode), absent: "refuse" };
}

/**
 * An object's checker is generated code (one function per object schema, its field names as
 * JSON-quoted constants): reading fixed keys into an object literal's slots is several times
 * faster than a loop over a field table, and this runs once per DP, group and boundary.
 */
function objectOf(def: ZodDef, mode: ShapeMode): Checker {
  if (defOf(def.catchall).type !== "never") throw new Uncompilable("object with a catchall");
  const fields = Object.entries(def.shape ?? {}).map(([key, s]) => fieldOf(key, defOf(s), mode));
  const copy = mode === "copy";
  const lines: string[] = [];
  fields.forEach((f, i) => {
    const key = JSON.stringify(f.key);
    const read = copy ? `y = c[${i}](x); if (y === NF) return NF; out[${key}] = y; n++;` : `if (c[${i}](x) === NF) return NF; n++;`;
    lines.push(`x = v[${key}];`);
    if (f.absent === "refuse") lines.push(`if (x === undefined) return NF; ${read}`);
    else if (f.absent === "omit") lines.push(`if (x !== undefined) { ${read} }`);
    else lines.push(`if (x === undefined) out[${key}] = d[${i}](); else { ${read} }`);
  });
  const cases = fields.map((f) => `case ${JSON.stringify(f.key)}:`).join(" ");
  const body = `
    if (v === null || typeof v !== "object" || Array.isArray(v)) return NF;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return NF;
    // Every enumerable key must be a field, and as many as the fields read as defined: an unknown
    // key, "__proto__" or a key present with the value undefined goes to zod.
    let k = 0;
    for (const key in v) { switch (key) { ${cases} k++; break; default: return NF; } }
    const out = ${copy ? "{}" : "v"};
    let n = 0, x, y;
    ${lines.join("\n    ")}
    return k === n ? out : NF;`;
  const make = new Function("NF", "c", "d", `return function checkObject(v) {${body}\n};`) as (
    nf: typeof NOT_FAST,
    checks: readonly Checker[],
    defaults: readonly ((() => unknown) | undefined)[],
  ) => Checker;
  return make(NOT_FAST, fields.map((f) => f.check), fields.map((f) => f.fallback));
}
