import { describe, expect, it } from "vitest";
import { lowerCase, upperCase } from "../../lib/topology/letter-case";

describe("lowerCase / upperCase (normalisation without copies of unchanged text)", () => {
  // ASCII in either case, mixed, empty, and text whose case mapping is not one character to one
  // (ß upper-cases to SS, İ lower-cases to i + a combining dot, Σ at a word’s end to ς; ÀÉÎü has no
  // ASCII letter to change, only a non-ASCII one).
  const words = ["", "p01", "P01", "Win701.Lab.LOCAL", "automatic", "AUTOMATIC", "02:00 weekly", "straße", "İstanbul", "ΟΔΟΣ", "ǅemal", "naïve", "ÀÉÎü", "~{}[]@`"];

  it.each(words)("%j: the same answers as toLowerCase and toUpperCase", (word) => {
    expect(lowerCase(word)).toBe(word.toLowerCase());
    expect(upperCase(word)).toBe(word.toUpperCase());
  });

  it("changes only the letters of the other case", () => {
    expect(upperCase("p01-dp.x")).toBe("P01-DP.X");
    expect(lowerCase("P01-DP.X")).toBe("p01-dp.x");
    expect(upperCase("@[`{")).toBe("@[`{"); // the neighbours of A–Z and a–z
    expect(lowerCase("@[`{")).toBe("@[`{");
  });
});
