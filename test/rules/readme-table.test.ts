import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rulesMarkdownTable } from "../../lib/rules/docs-table";

const README = join(__dirname, "../../README.md");
const START = "<!-- rules-table:start (generated from lib/rules by UPDATE_GOLDEN=1 npm test) -->";
const END = "<!-- rules-table:end -->";

describe("README rules table", () => {
  it("is the table generated from the rule catalog", () => {
    const text = readFileSync(README, "utf8");
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    expect(from, "README has the rules-table markers").toBeGreaterThan(0);
    const generated = `${START}\n${rulesMarkdownTable()}\n${END}`;
    const current = text.slice(from, to + END.length);
    if (process.env.UPDATE_GOLDEN && current !== generated) writeFileSync(README, text.replace(current, generated));
    else expect(current).toBe(generated);
  });
});
