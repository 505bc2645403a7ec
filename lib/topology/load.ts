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
}

/** The document could not be read or is not well-formed YAML/JSON: a usage error, not a rule. */
export class TopologyLoadError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly position?: SourcePosition,
  ) {
    const where = [file ?? "<topology>", position?.line, position?.column].filter((p) => p !== undefined).join(":");
    super(`${where}: ${message}`);
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
 * reject duplicated keys).
 */
export function loadTopologyText(text: string, file?: string): LoadedDocument {
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (err) {
    throw new TopologyLoadError(`cannot parse the document: ${(err as Error).message}`, file);
  }
  const problem = doc.errors[0];
  if (problem) {
    const pos = lineCounter.linePos(problem.pos[0]);
    throw new TopologyLoadError(firstLine(problem.message), file, { line: pos.line, column: pos.col });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new TopologyLoadError(firstLine((err as Error).message), file);
  }
  const at = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return {
    data,
    file,
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

export function loadTopologyFile(file: string): LoadedDocument {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TopologyLoadError(code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? "error"})`, file);
  }
  return loadTopologyText(text, file);
}

function firstLine(message: string): string {
  return message.split("\n")[0].trim();
}

/** A topology given as a file path (YAML or JSON) or as a document object. */
export function loadTopology(input: string | object): LoadedDocument {
  return typeof input === "string" ? loadTopologyFile(input) : loadTopologyObject(input);
}
