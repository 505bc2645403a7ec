/**
 * Values the engine does not know yet. During preview it sends them to `check` and `diff` as
 * sentinel strings, one per type (sdk/go/common/resource/plugin/rpc.go; the Node SDK itself only
 * ever sends the string one, but any of them may arrive, nested in objects and arrays too).
 */
export const UNKNOWN_SENTINELS = {
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  asset: "030794c1-ac77-496b-92df-f27374a8bd58",
  archive: "e48ece36-62e2-4504-bad9-02848725956a",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
} as const;

const SENTINELS: ReadonlySet<string> = new Set(Object.values(UNKNOWN_SENTINELS));

export type PropPath = readonly (string | number)[];

export const isUnknown = (value: unknown): boolean => typeof value === "string" && SENTINELS.has(value);

/** Every path at which `value` holds an unknown, depth first ([] when `value` itself is unknown). */
export function unknownPaths(value: unknown, at: PropPath = []): PropPath[] {
  if (isUnknown(value)) return [at];
  const found: PropPath[] = [];
  if (Array.isArray(value)) {
    value.forEach((item, i) => found.push(...unknownPaths(item, [...at, i])));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) found.push(...unknownPaths(item, [...at, key]));
  }
  return found;
}

export const containsUnknown = (value: unknown): boolean => unknownPaths(value).length > 0;

/** True when one path is a prefix of the other (the values they name overlap). */
export function pathsIntersect(a: PropPath, b: PropPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The top-level fields of an object that hold an unknown somewhere inside (or are unknown). */
export function unknownFields(value: Record<string, unknown>): Set<string> {
  const fields = new Set<string>();
  for (const [key, item] of Object.entries(value)) if (containsUnknown(item)) fields.add(key);
  return fields;
}
