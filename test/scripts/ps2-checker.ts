/**
 * The PowerShell 2.0 construct checker runs on PowerShell's own AST (ps/analyze.ps1, in the same
 * pwsh process as the parse): only code counts, a forbidden word in a string or comment does not.
 * Not detectable statically and therefore not checked: member-access enumeration ($list.Name).
 */
export { ps2Violations } from "./pwsh-analysis";
