/**
 * Every value from the document enters a script as a single-quoted PowerShell literal.
 * PowerShell treats the typographic single quotes U+2018–U+201B like `'`, so all four are
 * doubled too (a doubled quote inside a single-quoted string is one literal quote). Inside
 * single quotes `$`, backticks and `;` are plain characters. Control characters and line
 * breaks are rejected by the schema before any value gets here; this refuses them again so a
 * caller that bypasses the schema cannot break out of the literal either.
 *
 * The refusal names the field, never the value: the value may be a secret (a PXE password read
 * from a file with CRLF endings), and a refusal ends up in a failing step's output.
 */
export function psQuote(value: string, field = "a value"): string {
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
    throw new Error(`${field} for a PowerShell script contains a control character or line break (${value.length} characters; the value is not shown): remove it`);
  }
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** `@('a','b')` — an array literal of quoted strings (PowerShell 2.0-safe). */
export function psArray(values: readonly string[], field = "a value"): string {
  return `@(${values.map((v, i) => psQuote(v, `${field}[${i}]`)).join(", ")})`;
}

export const psBool = (value: boolean): string => (value ? "$true" : "$false");

/** Integers only: a number from the document never becomes anything but digits. */
export function psInt(value: number, field = "a number"): string {
  if (!Number.isSafeInteger(value)) throw new Error(`${field} for a PowerShell script is not an integer`);
  return String(value);
}
