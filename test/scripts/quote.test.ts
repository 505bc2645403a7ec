import { describe, expect, it } from "vitest";
import { psQuote } from "../../lib/scripts/quote";
import { parseTree, syntaxProblems } from "./powershell-parser";

describe("psQuote", () => {
  it("doubles straight and typographic single quotes", () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
    expect(psQuote("a\u2019b")).toBe("'a\u2019\u2019b'");
  });
  it("refuses line breaks and control characters", () => {
    expect(() => psQuote("a\nb")).toThrow(/control character/);
    expect(() => psQuote("a\u0000")).toThrow(/control character/);
  });
  it("keeps $, backticks and ; inside one string literal", async () => {
    const value = "x'; Remove-Item C:\\ -Recurse; '$(whoami)`$env:PATH";
    const script = `$v = ${psQuote(value)}\n`;
    expect(await syntaxProblems(script)).toEqual([]);
    const root = await parseTree(script);
    const strings = root.descendantsOfType("verbatim_string_characters");
    expect(strings).toHaveLength(1);
    expect(root.descendantsOfType("command")).toHaveLength(0);
  });
});
