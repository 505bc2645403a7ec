/** Deep copy without `undefined` (dropped from objects and arrays): the host's Struct conversion rejects it. */
export function jsonClean<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(jsonClean) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonClean(v);
    return out as T;
  }
  return value;
}
