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

/**
 * Given to a checker: what a reader of JSON compares with the text's key count to see that
 * JSON.parse dropped no key written twice, without walking the document once more.
 */
export interface KeyCounter {
  /**
   * The keys of every object accepted, as they were before defaults ("fields only": its fields
   * that were defined); meaningful when the checker did not return NOT_FAST.
   */
  keys: number;
  /** Defaults written into the input ("in place"), including into objects refused afterwards. */
  defaults: number;
}
type Checker = (value: unknown, counter?: KeyCounter) => unknown;

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

/**
 * "every key": each object's keys are walked, and one that is not a field refuses it (zod's strict
 * objects). "fields only": only the fields are read, and the counter gets how many were defined;
 * a key that is no field passes unseen. Only for a caller that proves no such key exists from
 * that count: JSON text whose key colons are exactly as many (parse.ts). Walking every object's
 * keys was a fifth of the check on 125,000 DPs.
 */
export type KeyCheck = "every key" | "fields only";

/** A compiled checker for the schema, or undefined when the schema uses what this does not know. */
export function compileShape(schema: unknown, mode: ShapeMode = "copy", keyCheck: KeyCheck = "every key"): Checker | undefined {
  try {
    return compile(defOf(schema), { mode, keyCheck });
  } catch (e) {
    if (e instanceof Uncompilable) return undefined;
    throw e;
  }
}

/**
 * Every checker is generated code: a leaf (string, number, boolean, enum) is an inline test in its
 * object's or array's function, and an object reads its fixed keys into an object literal's slots.
 * One function per object and per array schema, each call site monomorphic; constants (bounds,
 * enum sets, refinements, nested checkers) are passed in, never written into the code.
 */
interface Options {
  readonly mode: ShapeMode;
  readonly keyCheck: KeyCheck;
}

function compile(def: ZodDef, options: Options): Checker {
  const consts: unknown[] = [];
  const test = leafTest(def, "x", consts);
  if (test !== undefined) return build(consts, `return function checkLeaf(x) { return ${test} ? x : NF; };`);
  if (def.type === "array") return arrayOf(def, options);
  if (def.type === "object") return objectOf(def, options);
  throw new Uncompilable(`zod type ${def.type}`);
}

function build(consts: unknown[], code: string): Checker {
  return new Function("NF", "k", code)(NOT_FAST, consts) as Checker;
}

/** A JavaScript test, true when the leaf value in `x` passes the type and every check; undefined for a non-leaf. */
function leafTest(def: ZodDef, x: string, consts: unknown[]): string | undefined {
  const k = (value: unknown) => `k[${consts.push(value) - 1}]`;
  let type: string;
  switch (def.type) {
    case "string":
      type = `typeof ${x} === "string"`;
      break;
    case "number":
      type = `typeof ${x} === "number" && Number.isFinite(${x})`;
      break;
    case "boolean":
      type = `typeof ${x} === "boolean"`;
      break;
    case "enum":
      type = `${k(new Set(Object.values(def.entries ?? {})))}.has(${x})`;
      break;
    default:
      return undefined;
  }
  return [type, ...checksOf(def, x, k)].join(" && ");
}

/** The value's own checks (lengths, bounds, integer, refinements) as tests on `x`, as zod runs them. */
function checksOf(def: ZodDef, x: string, k: (value: unknown) => string): string[] {
  return (def.checks ?? []).map(({ _zod: { def: c } }) => {
    switch (c.check) {
      case "min_length":
        return `${x}.length >= ${k(c.minimum)}`;
      case "max_length":
        return `${x}.length <= ${k(c.maximum)}`;
      case "greater_than":
        return `${x} ${c.inclusive ? ">=" : ">"} ${k(c.value)}`;
      case "less_than":
        return `${x} ${c.inclusive ? "<=" : "<"} ${k(c.value)}`;
      case "number_format":
        if (c.format !== "safeint") throw new Uncompilable(`number format ${c.format}`);
        return `Number.isSafeInteger(${x})`;
      case "custom":
        return `${k(c.fn)}(${x}) === true`;
      default:
        throw new Uncompilable(`zod check ${c.check}`);
    }
  });
}

/** Reads one value into `y`: an inline test for a leaf, a call of the nested checker otherwise. */
function readValue(def: ZodDef, options: Options, consts: unknown[]): string {
  const test = leafTest(def, "x", consts);
  if (test !== undefined) return `if (!(${test})) return NF; y = x;`;
  const nested = `k[${consts.push(compile(def, options)) - 1}]`;
  return `y = ${nested}(x, c); if (y === NF) return NF;`;
}

function arrayOf(def: ZodDef, options: Options): Checker {
  const consts: unknown[] = [];
  const k = (value: unknown) => `k[${consts.push(value) - 1}]`;
  const read = readValue(defOf(def.element), options, consts);
  const own = checksOf(def, "out", k);
  const copy = options.mode === "copy";
  return build(
    consts,
    `return function checkArray(v, c) {
      if (!Array.isArray(v)) return NF;
      const n = v.length;
      const out = ${copy ? "new Array(n)" : "v"};
      let x, y;
      for (let i = 0; i < n; i++) { x = v[i]; ${read} ${copy ? "out[i] = y;" : ""} }
      ${own.length > 0 ? `if (!(${own.join(" && ")})) return NF;` : ""}
      return out;
    };`,
  );
}

/** How one field of an object is read: required, optional (absent stays absent) or defaulted. */
interface Field {
  readonly key: string;
  readonly def: ZodDef;
  readonly absent: "refuse" | "omit" | "default";
  readonly fallback?: () => unknown;
}

function fieldOf(key: string, def: ZodDef): Field {
  if (def.type === "optional") return { key, def: defOf(def.innerType), absent: "omit" };
  if (def.type === "default") {
    const value = def.defaultValue;
    let fallback: () => unknown;
    if (Array.isArray(value) && value.length === 0) fallback = () => [];
    else if (value === null || typeof value !== "object") fallback = () => value;
    else throw new Uncompilable(`default ${JSON.stringify(value)}`);
    return { key, def: defOf(def.innerType), absent: "default", fallback };
  }
  return { key, def, absent: "refuse" };
}

function objectOf(def: ZodDef, options: Options): Checker {
  if (defOf(def.catchall).type !== "never") throw new Uncompilable("object with a catchall");
  const fields = Object.entries(def.shape ?? {}).map(([key, s]) => fieldOf(key, defOf(s)));
  const consts: unknown[] = [];
  const k = (value: unknown) => `k[${consts.push(value) - 1}]`;
  const copy = options.mode === "copy";
  const lines = fields.map((f) => {
    const key = JSON.stringify(f.key);
    const read = `${readValue(f.def, options, consts)} ${copy ? `out[${key}] = y;` : ""} n++;`;
    if (f.absent === "refuse") return `x = v[${key}]; if (x === undefined) return NF; ${read}`;
    if (f.absent === "omit") return `x = v[${key}]; if (x !== undefined) { ${read} }`;
    const counted = copy ? "" : " if (c !== undefined) c.defaults++;";
    return `x = v[${key}]; if (x === undefined) { out[${key}] = ${k(f.fallback)}();${counted} } else { ${read} }`;
  });
  const own = checksOf(def, "out", k);
  const cases = fields.map((f) => `case ${JSON.stringify(f.key)}:`).join(" ");
  // Every enumerable key must be a field, and as many as the fields read as defined: an unknown
  // key, "__proto__" or a key present with the value undefined goes to zod.
  const everyKey = `let keys = 0;
      for (const key in v) { switch (key) { ${cases} keys++; break; default: return NF; } }
      if (c !== undefined) c.keys += keys;`;
  const fieldsOnly = options.keyCheck === "fields only";
  // A field named as a member of Object.prototype would be read from there and counted.
  if (fieldsOnly && fields.some((f) => f.key in Object.prototype)) throw new Uncompilable("a field named as a member of Object.prototype");
  return build(
    consts,
    `return function checkObject(v, c) {
      if (v === null || typeof v !== "object" || Array.isArray(v)) return NF;
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return NF;
      ${fieldsOnly ? "" : everyKey}
      const out = ${copy ? "{}" : "v"};
      let n = 0, x, y;
      ${lines.join("\n      ")}
      ${fieldsOnly ? "if (c !== undefined) c.keys += n;" : "if (keys !== n) return NF;"}
      ${own.length > 0 ? `if (!(${own.join(" && ")})) return NF;` : ""}
      return out;
    };`,
  );
}
