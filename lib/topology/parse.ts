import type { DocPath, DuplicateKey, LoadedDocument, SourcePosition } from "./load";
import { buildModel, type TopologyModel } from "./model";
import { normalizeTopology } from "./normalize";
import { compileShape, NOT_FAST, type KeyCounter } from "./fast-shape";
import { countParsedKeys } from "./json-text";
import { topologySchema, type TopologyDoc } from "./schema";
import { didYouMean } from "./suggest";

/** One way the document does not have the format's shape, in the words of the format. */
export interface ShapeIssue {
  readonly path: DocPath;
  readonly message: string;
  /** For an unknown field: its name (the path is the object that holds it). */
  readonly unknownKey?: string;
  /** A fix for this issue in particular (the rename a typo needs). */
  readonly fix?: string;
  /** Where to point: an unknown field's own key, when the text has positions. */
  readonly position?: SourcePosition;
}

export type ParseResult = (
  | { readonly ok: true; readonly model: TopologyModel }
  | { readonly ok: false; readonly issues: readonly ShapeIssue[] }
) & {
  /**
   * JSON (LoadedDocument.jsonKeys): how many keys the objects of `loaded.data` held as JSON.parse
   * gave them, counted by the compiled checker on its way where it took the document. Absent when
   * the data had to be copied first (empty waiver reasons): only the text tells then.
   */
  readonly keysRead?: number;
};

const copyShape = compileShape(topologySchema, "copy");
const inPlaceShape = compileShape(topologySchema, "in place");
const fieldsOnlyShape = compileShape(topologySchema, "in place", "fields only");

export interface ParseOptions {
  /**
   * The caller hands the parsed data over and will not read `loaded.data` again: a well-formed
   * document then gets its defaults and normalisation written into it instead of into a copy
   * (what `validate` does: it needs the verdict only).
   */
  readonly consume?: boolean;
}

/** Which compiled checker took the document ("fields only" for JSON text handed over). */
export type ShapeCheckPath = "copy" | "in place" | "in place, fields only";

/**
 * The compiled shape check parseTopology runs on `data` (loaded.data, or a copy of it), on its own
 * so that the bench times the same path: NOT_FAST when zod must decide.
 */
export function compiledShapeCheck(
  loaded: LoadedDocument,
  data: unknown,
  options: ParseOptions = {},
): { fast: unknown; counter: KeyCounter; path: ShapeCheckPath } {
  const counted = loaded.jsonKeys !== undefined && data === loaded.data;
  // JSON text handed over: only the fields are read, and the count of them against the text's key
  // colons shows that there was no other key (equal: every key written is a field, read once).
  // When they differ, the keys are counted once more: a key that is no field goes to zod.
  const fieldsOnly = options.consume === true && counted && fieldsOnlyShape !== undefined;
  const path: ShapeCheckPath = fieldsOnly ? "in place, fields only" : options.consume ? "in place" : "copy";
  const shape = fieldsOnly ? fieldsOnlyShape : options.consume ? inPlaceShape : copyShape;
  const counter: KeyCounter = { keys: 0, defaults: 0 };
  let fast = shape ? shape(data, counter) : NOT_FAST;
  if (fast !== NOT_FAST && fieldsOnly && counter.keys !== loaded.jsonKeys!.atLeast && countParsedKeys(data) - counter.defaults !== counter.keys) {
    fast = NOT_FAST;
  }
  return { fast, counter, path };
}

/**
 * Checks the shape, applies defaults and normalisation, and builds the indexes. A well-formed
 * document takes the compiled checker (fast-shape.ts); zod runs when it is not, for the issues.
 */
export function parseTopology(loaded: LoadedDocument, options: ParseOptions = {}): ParseResult {
  const data = withEmptyWaiverReasons(loaded.data);
  const counted = loaded.jsonKeys !== undefined && data === loaded.data;
  const { fast, counter } = compiledShapeCheck(loaded, data, options);
  if (fast !== NOT_FAST) {
    const model = buildModel(normalizeTopology(fast as TopologyDoc));
    return counted ? { ok: true, model, keysRead: counter.keys } : { ok: true, model };
  }
  // Refused part-way: the objects hold the keys they were parsed with plus the defaults written so far.
  const keysRead = counted ? { keysRead: countParsedKeys(data) - counter.defaults } : {};
  const result = topologySchema.safeParse(data);
  if (!result.success) {
    const issues: ShapeIssue[] = [];
    for (const issue of result.error.issues) issues.push(...shapeIssues(issue as ZodIssue, loaded));
    return { ok: false, issues, ...keysRead };
  }
  return { ok: true, model: buildModel(normalizeTopology(result.data)), ...keysRead };
}

/**
 * The keys written twice, asked once the shape is checked: YAML's reading found them; for JSON,
 * the text is read for them only when the keys the shape check counted are not as many as the
 * text's key colons, or were not counted (JSON.parse keeps the last of a key written twice without a word).
 */
export function keysWrittenTwice(loaded: LoadedDocument, parsed: ParseResult): readonly DuplicateKey[] {
  if (!loaded.jsonKeys) return loaded.duplicateKeys ?? [];
  return parsed.keysRead === loaded.jsonKeys.atLeast ? [] : loaded.jsonKeys.duplicates();
}

/**
 * A waiver without `reason` is WAIVER-INVALID (README, "Waivers"), not a SCHEMA error: it is
 * read as an empty reason, which the waiver rule reports with the waiver's rule and object.
 */
function withEmptyWaiverReasons(data: unknown): unknown {
  if (!isMapping(data) || !Array.isArray(data.waivers)) return data;
  if (!data.waivers.some((w) => isMapping(w) && w.reason === undefined)) return data;
  return { ...data, waivers: data.waivers.map((w) => (isMapping(w) && w.reason === undefined ? { ...w, reason: "" } : w)) };
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The parts of a zod 4 issue the messages read. */
interface ZodIssue {
  readonly code: string;
  readonly path: PropertyKey[];
  readonly message: string;
  readonly keys?: string[];
  readonly values?: unknown[];
  readonly expected?: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly inclusive?: boolean;
}

function shapeIssues(issue: ZodIssue, loaded: LoadedDocument): ShapeIssue[] {
  const path = issue.path;
  const found = valueAt(loaded.data, path);
  const field = fieldLabel(path);
  const missing = issue.code !== "unrecognized_keys" && found === undefined && isMapping(valueAt(loaded.data, path.slice(0, -1)));
  if (missing) {
    return [{ path, message: `lacks the required field "${field}"`, fix: `Add ${field} (README, "Writing your own topology"; \`pulumi-configmgr schema\` prints the JSON Schema).` }];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return (issue.keys ?? []).map((key) => {
        const known = knownFields(path);
        const suggestion = didYouMean(key, known);
        const position = loaded.positionOf(path, key);
        return {
          path,
          unknownKey: key,
          message: `has an unknown field "${key}"${suggestion ? `; did you mean "${suggestion}"?` : ""}`,
          fix: suggestion ? `Rename "${key}" to "${suggestion}" (field names are camel case).` : `Remove "${key}"; the fields here are: ${known.join(", ")}.`,
          ...(position ? { position } : {}),
        };
      });
    case "invalid_value": {
      const values = (issue.values ?? []).map(String);
      const suggestion = typeof found === "string" ? didYouMean(found, values) : undefined;
      return [
        {
          path,
          message: suggestion
            ? `${field} is ${describe(found)}, which is not an accepted value; did you mean "${suggestion}"?`
            : `${field} is ${describe(found)}, which is not one of ${values.join(", ")}`,
          fix: suggestion ? `Write ${field}: ${suggestion}.` : `Write one of: ${values.join(", ")}.`,
        },
      ];
    }
    case "invalid_type": {
      return [{ path, message: `${field} must be ${typeWords(issue.expected)}, found ${describe(found)}` }];
    }
    case "too_small":
    case "too_big":
      return [{ path, message: `${field}${joined(isDefault(issue.message) ? boundWords(issue) : issue.message)}, found ${describe(found)}` }];
    default:
      return [{ path, message: `${field}${joined(isDefault(issue.message) ? "does not have the format's shape" : issue.message)}${found !== undefined ? `, found ${describe(found)}` : ""}` }];
  }
}

/** `cores must be …`, but `boundaries[0]: a boundary has exactly one key …` (the schema's own sentences). */
const joined = (words: string) => (/^(must|does)\b/.test(words) ? ` ${words}` : `: ${words}`);

/** zod's own English ("Too small: expected …"); the schema's messages ("must not be empty") are kept. */
const isDefault = (message: string) => /^(Too small|Too big|Invalid|Unrecognized)/.test(message);

function boundWords(issue: ZodIssue): string {
  const small = issue.code === "too_small";
  const bound = Number(small ? issue.minimum : issue.maximum);
  const strict = issue.inclusive === false;
  if (issue.origin === "array") return small ? `must have at least ${bound + (strict ? 1 : 0)} item(s)` : `must have at most ${bound - (strict ? 1 : 0)} items`;
  if (issue.origin === "string") return small ? `must have at least ${bound} character(s)` : `must have at most ${bound} characters`;
  return small ? `must be ${strict ? "more than" : "at least"} ${bound}` : `must be ${strict ? "less than" : "at most"} ${bound}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping (key: value)",
};
const typeWords = (expected: string | undefined) => TYPE_WORDS[expected ?? ""] ?? (expected ? `of type ${expected}` : "of another type");

/** How a value was written, briefly: `"Windows Server 2022"`, `4`, `a list`, `a mapping`, `nothing (null)`. */
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "nothing (null)";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}

/** The field as the user wrote it: the last key, with the indexes after it (`boundaryGroups[0]`). */
function fieldLabel(path: readonly PropertyKey[]): string {
  let start = path.length - 1;
  while (start > 0 && typeof path[start] === "number") start--;
  return formatPath(path.slice(start)) || "(document)";
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node;
}

type ZodNode = { _zod: { def: { type: string; shape?: Record<string, ZodNode>; element?: ZodNode; innerType?: ZodNode; in?: ZodNode } } };

/** The field names the schema knows at `path` (an object of the document). */
export function knownFields(path: readonly PropertyKey[]): string[] {
  let node: ZodNode | undefined = topologySchema as unknown as ZodNode;
  const unwrap = (n: ZodNode | undefined): ZodNode | undefined => {
    let cur = n;
    for (let i = 0; cur && i < 10; i++) {
      const def = cur._zod.def;
      if (def.innerType) cur = def.innerType;
      else if (def.type === "pipe" && def.in) cur = def.in;
      else break;
    }
    return cur;
  };
  for (const seg of path) {
    node = unwrap(node);
    if (!node) return [];
    const def: ZodNode["_zod"]["def"] = node._zod.def;
    if (typeof seg === "number") node = def.element;
    else node = def.shape?.[String(seg)];
  }
  node = unwrap(node);
  return Object.keys(node?._zod.def.shape ?? {});
}

/** `["distributionPoints", 2, "hardware", "memoryGB"]` → `distributionPoints[2].hardware.memoryGB`. */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out;
}
