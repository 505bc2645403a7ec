import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from "yaml";

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
  /** Parsed, but with keys written twice in one mapping (reported as SCHEMA errors). */
  readonly duplicateKeys?: readonly { readonly message: string; readonly position: SourcePosition }[];
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
 * YAML or JSON text (JSON is read by the YAML 1.2 parser too, so both get positions and both
 * catch keys written twice). Never throws: a fatal problem is returned in `error`.
 */
export function readTopologyText(text: string, file?: string): LoadedDocument {
  if (text.length > LARGE_JSON_CHARS && /^\s*\{/.test(text)) return readLargeJson(text, file);
  const failed = (error: TopologyLoadError): LoadedDocument => ({ data: undefined, file, positionOf: noPositions, error });
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (err) {
    return failed(new TopologyLoadError(`cannot parse the document: ${firstLine(String((err as Error)?.message ?? err))}`, file));
  }
  const at = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const duplicateKeys = doc.errors
    .filter((e) => e.code === "DUPLICATE_KEY")
    .map((e) => ({ message: firstLine(e.message), position: at(e.pos[0]) }));
  const problem = doc.errors.find((e) => e.code !== "DUPLICATE_KEY");
  if (problem) return failed(new TopologyLoadError(firstLine(problem.message), file, at(problem.pos[0])));
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return failed(new TopologyLoadError(firstLine(String((err as Error)?.message ?? err)), file));
  }
  return {
    data,
    file,
    ...(duplicateKeys.length > 0 ? { duplicateKeys } : {}),
    positionOf(path, key) {
      let node: unknown = doc.contents;
      let best: YamlNode | undefined = node as YamlNode | undefined;
      for (const segment of [...path, ...(key === undefined ? [] : [key])]) {
        const isLast = key !== undefined && segment === key;
        if (isMap(node)) {
          const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
          if (!pair) break;
          if (isLast && pair.key && (pair.key as YamlNode).range) return at((pair.key as YamlNode).range![0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          node = node.items[segment];
        } else break;
        if (node && (node as YamlNode).range) best = node as YamlNode;
      }
      return best?.range ? at(best.range[0]) : undefined;
    },
  };
}

/**
 * The YAML parser keeps a node per value with its position: on a document of 100,000 DPs that
 * is gigabytes. Large JSON is read with JSON.parse instead — diagnostics then carry paths but
 * no line numbers, and a key written twice keeps its last value (JSON.parse semantics).
 */
const LARGE_JSON_CHARS = 4_000_000;

function readLargeJson(text: string, file?: string): LoadedDocument {
  try {
    return { data: JSON.parse(text), file, positionOf: noPositions };
  } catch (err) {
    return { data: undefined, file, positionOf: noPositions, error: new TopologyLoadError(firstLine(String((err as Error).message)), file) };
  }
}

/** Like readTopologyText, for a file: an unreadable file is returned in `error` too. */
export function readTopologyFile(file: string): LoadedDocument {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a directory, not a file" : `cannot read the file (${code ?? "error"})`;
    return { data: undefined, file, positionOf: noPositions, error: new TopologyLoadError(message, file) };
  }
  return readTopologyText(text, file);
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
