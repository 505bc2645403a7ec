import { describe, expect, it } from "vitest";
import { configBlock } from "../../lib/scripts/data";
import { psQuote } from "../../lib/scripts/quote";
import { analyze } from "./pwsh-analysis";

describe("psQuote", () => {
  it("doubles straight and typographic single quotes", () => {
    expect(psQuote("O'Brien")).toBe("'O''Brien'");
    expect(psQuote("a\u2019b")).toBe("'a\u2019\u2019b'");
  });
  it("refuses line breaks and control characters, naming the field and never the value", () => {
    expect(() => psQuote("a\nb")).toThrow(/control character/);
    expect(() => psQuote("a\u0000")).toThrow(/control character/);
    let message = "";
    try {
      psQuote("s3cret-pw\r", "$Config.Settings.PxePassword");
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^\$Config\.Settings\.PxePassword for a PowerShell script contains a control character/);
    expect(message).not.toContain("s3cret");
  });
  it("keeps $, backticks and ; inside one string literal (PowerShell's parser)", async () => {
    const value = "x'; Remove-Item C:\\ -Recurse; '$(whoami)`$env:PATH";
    const analysis = await analyze(`$v = ${psQuote(value)}\n`, {});
    expect(analysis.errors).toEqual([]);
    expect(analysis.strings).toEqual([value]);
    expect(analysis.commands).toHaveLength(0);
  });
});

describe("configBlock", () => {
  it("is one hashtable literal of quoted values, PowerShell 2.0-safe, whatever the values", async () => {
    const block = configBlock({ Name: "a'b\u2018", Count: 3, On: true, Off: false, None: null, List: ["x", "$(y)"], Nested: { Deep: ["z"] } });
    const analysis = await analyze(block, { ps2: true });
    expect(analysis.errors).toEqual([]);
    expect(analysis.ps2).toEqual([]);
    expect(analysis.commands).toHaveLength(0);
    expect(analysis.strings).toEqual(["a'b\u2018", "x", "$(y)", "z"]);
  });
  it("refuses a key that is not an identifier and names the field of a bad value", () => {
    expect(() => configBlock({ "a b": 1 })).toThrow(/not an identifier/);
    expect(() => configBlock({ Outer: { Inner: ["ok", "bad\n"] } })).toThrow(/^\$Config\.Outer\.Inner\[1\] for a PowerShell script/);
    expect(() => configBlock({ N: 1.5 })).toThrow(/\$Config\.N for a PowerShell script is not an integer/);
  });
});
