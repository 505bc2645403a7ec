/** PowerShell's own parser (pwsh 7, one process per test file): see pwsh-analysis.ts. */
export { analyze, syntaxProblems } from "./pwsh-analysis";
