import { readFileSync, statSync } from "node:fs";
import { checkText, decodePlainUtf8, decodeTopologyBytes, MAX_TOPOLOGY_BYTES, tooLargeReason, type Decoded } from "./decode";
import { expansionProblem, hasRespelledKey } from "./expansion";
import { countKeyColonsAtLeast, countParsedKeys, jsonDuplicateKeyOffsets, jsonPositions } from "./json-text";
import { lineIndex } from "./lines";
import { fastYaml, needsReference, referenceYaml, yamlChildren, yamlPositions } from "./yaml-text";

/** A path into the document, as zod reports it: ["distributionPoints", 2, "hardware", "memoryGB"]. */
export type DocPath = readonly PropertyKey[];

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** The raw document (not yet checked), with where each value was written when it came from text. */
export interface LoadedDocument {
  readonly data: unknown;
  readonly file?: string;
  /** Line and column of the value at `path` (or of the key `key` inside it), when known. */
  positionOf(path: DocPath, key?: string): SourcePosition | undefined;
  /** The text could not be read or parsed at all: nothing to check (the CLI exits 2). */
  readonly error?: TopologyLoadError;
  /**
   * Parsed, but with keys written twice in one mapping (reported as SCHEMA errors). For JSON it is
   * worked out when first read, from `data` as JSON.parse gave it: read it before handing the data
   * over (ParseOptions.consume), or use `jsonKeys`.
   */
  readonly duplicateKeys?: readonly DuplicateKey[];
  /**
   * JSON text only: what a reader that counts the parsed keys on its way (the compiled shape check)
   * needs to skip `duplicateKeys`, which would walk the document once more to count them.
   */
  readonly jsonKeys?: JsonKeys;
}

export interface DuplicateKey {
  readonly message: string;
  readonly position: SourcePosition;
}

export interface JsonKeys {
  /**
   * At least the number of keys the text writes (its key colons, json-text.ts): when as many keys
   * were parsed, JSON.parse dropped none, so no key is written twice.
   */
  readonly atLeast: number;
  /** The keys written twice (a second occurrence each), located by reading the text. */
  duplicates(): readonly DuplicateKey[];
}

/** The document could not be read or is not well-formed YAML/JSON: a usage error, not a rule. */
export class TopologyLoadError extends Error {
  constructor(
    /** What is wrong, without the location. */
    readonly reason: string,
    readonly file?: string,
    readonly position?: SourcePosition,
  ) {
    const where = [file ?? "<topology>", position?.line, position?.column].filter((p) => p !== undefined).join(":");
    super(`${where}: ${reason}`);
    this.name = "TopologyLoadError";
  }
}

const noPositions = () => undefined;

/** A plain object passed from TypeScript: no positions to report. */
export function loadTopologyObject(data: unknown): LoadedDocument {
  return { data, positionOf: noPositions };
}

/**
 * Above this size a YAML document is not read a second time by the `yaml` package (its nodes
 * with positions cost about half a second and over 100 MB per MB of YAML): diagnostics of larger
 * YAML documents carry paths without line numbers, and a syntax error is reported as js-yaml (or
 * JSON.parse) found it. JSON positions come from a scan of the text and have no such limit.
 */
export const POSITIONS_MAX_CHARS = 10_000_000;

/** "Map keys must be unique": the `yaml` package's words, which the diagnostics have always quoted. */
const DUPLICATE_KEY = "Map keys must be unique";

/**
 * YAML or JSON text. JSON is read by JSON.parse and YAML by js-yaml; positions and the
 * `yaml` package's reading are paid for only when a diagnostic or an error needs them (see
 * yaml-text.ts). Both catch keys written twice. Never throws: a fatal problem is returned in `error`.
 */
export function readTopologyText(text: string, file?: string): LoadedDocument {
  return readDecoded(checkText(text), file);
}

/** The bytes of a file (or of stdin): decoded as decode.ts says, then read as readTopologyText does. */
export function readTopologyBytes(bytes: Uint8Array, file?: string): LoadedDocument {
  return readDecoded(decodeTopologyBytes(bytes), file);
}

/** Decoded text is read; a refusal of its encoding or size is the document's error. */
function readDecoded(decoded: Decoded, file?: string): LoadedDocument {
  return decoded.ok ? readDecodedText(decoded.text, file) : failed(new TopologyLoadError(decoded.reason, file), file);
}

function failed(error: TopologyLoadError, file?: string): LoadedDocument {
  return { data: undefined, file, positionOf: noPositions, error };
}

function readDecodedText(text: string, file?: string): LoadedDocument {
  const json = /^\s*[{[]/.test(text) ? readJson(text, file) : undefined;
  if (json && !("syntax" in json)) return json;
  if (text.length <= POSITIONS_MAX_CHARS && needsReference(text)) return readReferenceYaml(text, file);
  const fast = fastYaml(text, maxMergeKeys(text));
  // Without an alias (`*`) nothing is shared: the expansion is what was written.
  const aliases = text.includes("*");
  if (fast.ok && !(hasRespelledKey(fast.data, aliases) && text.length <= POSITIONS_MAX_CHARS)) {
    const problem = aliases ? expansionProblem(fast.data) : undefined;
    if (problem) return failed(new TopologyLoadError(problem, file), file);
    const positionOf = text.length <= POSITIONS_MAX_CHARS ? lazyPositions(() => yamlPositions(referenceYaml(text))) : noPositions;
    return { data: fast.data, file, positionOf };
  }
  if (fast.ok) return readReferenceYaml(text, file);
  const mark = fast.error?.mark;
  const jsYamlError = () => new TopologyLoadError(firstLine(String(fast.error?.reason ?? fast.error?.message ?? fast.error)), file, mark ? { line: mark.line + 1, column: mark.column + 1 } : undefined);
  if (fast.bound) return failed(jsYamlError(), file);
  if (text.length > POSITIONS_MAX_CHARS) return failed(json ? json.syntax : jsYamlError(), file);
  return readReferenceYaml(text, file);
}

/** Merge keys (`<<`) may copy as many keys as the document has characters, plus a floor for small documents. */
const maxMergeKeys = (text: string) => 100_000 + text.length;

/** Built on the first call; a document the position reader cannot take gets no positions, never an exception. */
function lazyPositions(make: () => LoadedDocument["positionOf"]): LoadedDocument["positionOf"] {
  let positionOf: LoadedDocument["positionOf"] | undefined;
  return (path, key) => {
    if (!positionOf) {
      try {
        positionOf = make();
      } catch {
        positionOf = noPositions;
      }
    }
    return positionOf(path, key);
  };
}

/**
 * The `yaml` package's reading, with positions: for documents js-yaml refused (so that the
 * error and its position are the ones users have always seen) and for keys written twice.
 */
function readReferenceYaml(text: string, file?: string): LoadedDocument {
  let ref;
  try {
    ref = referenceYaml(text);
  } catch (err) {
    return failed(new TopologyLoadError(`cannot parse the document: ${firstLine(String((err as Error)?.message ?? err))}`, file), file);
  }
  const positionOf = yamlPositions(ref);
  const at = (offset: number): SourcePosition => {
    const pos = ref.lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (ref.error) return failed(new TopologyLoadError(firstLine(ref.error.message), file, at(ref.error.offset)), file);
  const problem = expansionProblem(ref.doc.contents, yamlChildren(ref.doc));
  if (problem) return failed(new TopologyLoadError(problem, file), file);
  let data: unknown;
  try {
    data = ref.doc.toJS({ maxAliasCount: -1 });
  } catch (err) {
    return failed(new TopologyLoadError(firstLine(String((err as Error)?.message ?? err)), file), file);
  }
  const duplicateKeys = ref.duplicateKeyOffsets.map((offset) => ({ message: DUPLICATE_KEY, position: at(offset) }));
  return { data, file, ...(duplicateKeys.length > 0 ? { duplicateKeys } : {}), positionOf };
}

/**
 * JSON.parse, then the two things it does not give: keys written twice (the text's key colons
 * against the parsed objects' keys, counted when asked; located only when the counts differ) and
 * positions (lazily). `syntax`: JSON.parse refused it (the text may still be YAML, such as a flow mapping).
 */
function readJson(text: string, file?: string): LoadedDocument | { readonly syntax: TopologyLoadError } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = String((err as Error).message);
    const m = /\(line (\d+) column (\d+)\)/.exec(message);
    return { syntax: new TopologyLoadError(firstLine(message.replace(/\s*\(line \d+ column \d+\)/, "")), file, m ? { line: Number(m[1]), column: Number(m[2]) } : undefined) };
  }
  const positionOf = lazyPositions(() => jsonPositions(text));
  let located: readonly DuplicateKey[] | undefined;
  const jsonKeys: JsonKeys = {
    atLeast: countKeyColonsAtLeast(text),
    duplicates() {
      if (!located) {
        const lines = lineIndex(text);
        located = jsonDuplicateKeyOffsets(text).map((offset) => ({ message: DUPLICATE_KEY, position: lines.position(offset) }));
      }
      return located;
    },
  };
  let counted: { readonly found?: readonly DuplicateKey[] } | undefined;
  return {
    data,
    file,
    positionOf,
    jsonKeys,
    get duplicateKeys() {
      if (!counted) {
        const found = countParsedKeys(data) === jsonKeys.atLeast ? [] : jsonKeys.duplicates();
        counted = found.length > 0 ? { found } : {};
      }
      return counted.found;
    },
  };
}

/** Like readTopologyText, for a file: an unreadable, too large or undecodable file is returned in `error` too. */
export function readTopologyFile(file: string): LoadedDocument {
  return readDecoded(decodeFile(file), file);
}

/**
 * The file, decoded. The common file (plain UTF-8) is read as text, as Node's own
 * readFileSync(file, "utf8") reads it: on 128 MB of JSON that is 0.2 s faster than reading the
 * bytes and decoding them (it decodes while reading, into a string of the heap, which JSON.parse
 * also reads faster than the external string a Buffer's toString makes). Any other file is read
 * again as bytes, for decode.ts to say what it is; those bytes live only in this function's
 * frame, so they can be collected while the text is parsed.
 */
function decodeFile(file: string): Decoded {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_TOPOLOGY_BYTES) return { ok: false, reason: tooLargeReason(size) };
    const plain = decodePlainUtf8(readFileSync(file, "utf8"));
    if (plain) return plain;
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a file" : `cannot read the file (${code ?? "error"})` };
  }
  return decodeTopologyBytes(bytes);
}

/** Throwing form for programs (a Pulumi program cannot go on without its topology). */
export function loadTopologyText(text: string, file?: string): LoadedDocument {
  return orThrow(readTopologyText(text, file));
}

export function loadTopologyFile(file: string): LoadedDocument {
  return orThrow(readTopologyFile(file));
}

function orThrow(loaded: LoadedDocument): LoadedDocument {
  if (loaded.error) throw loaded.error;
  return loaded;
}

function firstLine(message: string): string {
  if (/call stack size/i.test(message)) return "the document is nested too deeply to read";
  return message.split("\n")[0].trim();
}

/** A topology given as a file path (YAML or JSON) or as a document object. */
export function loadTopology(input: string | object): LoadedDocument {
  return typeof input === "string" ? loadTopologyFile(input) : loadTopologyObject(input);
}
