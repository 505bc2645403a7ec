import { psBool, psInt, psQuote } from "./quote";

/**
 * The one place document values enter a script: `$Config = @{ … }`, a PowerShell 2.0-safe
 * literal of nested hashtables, arrays, single-quoted strings, integers, booleans and $null.
 * Keys are fixed identifiers of the library (never document values); every string goes through
 * psQuote with its key path as the field name, so a refusal names the field, not the value.
 */
export type PsValue = string | number | boolean | null | undefined | readonly PsValue[] | { readonly [key: string]: PsValue };

const KEY = /^[A-Za-z][A-Za-z0-9]*$/;

export function psLiteral(value: PsValue, field: string, depth = 0): string {
  const pad = "  ".repeat(depth + 1);
  const end = "  ".repeat(depth);
  if (value === null || value === undefined) return "$null";
  if (typeof value === "string") return psQuote(value, field);
  if (typeof value === "number") return psInt(value, field);
  if (typeof value === "boolean") return psBool(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "@()";
    return `@(${value.map((v, i) => psLiteral(v, `${field}[${i}]`, depth + 1)).join(", ")})`;
  }
  const entries = Object.entries(value as Record<string, PsValue>).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "@{}";
  const lines = entries.map(([key, v]) => {
    if (!KEY.test(key)) throw new Error(`internal: data key ${JSON.stringify(key)} of ${field} is not an identifier`);
    return `${pad}${key} = ${psLiteral(v, `${field}.${key}`, depth + 1)}`;
  });
  return `@{\n${lines.join("\n")}\n${end}}`;
}

/** `$Config = @{ … }` followed by the scripts' text. */
export function configBlock(config: { readonly [key: string]: PsValue }): string {
  return `$Config = ${psLiteral(config, "$Config")}\n`;
}
