/**
 * Finds constructs that Windows PowerShell 2.0 (Windows 7, Server 2008 R2 in the box) does not
 * have, by walking the tree-sitter syntax tree: only code counts — a forbidden word inside a
 * string literal or a comment is not a violation (design.md §7, windows-commands.md §3.2).
 * Not detectable statically and therefore not checked: member-access enumeration ($list.Name).
 */
import { parseTree, type SyntaxNode } from "./powershell-parser";

/** Commands added after 2.0 (lower case), with what to use instead. */
const COMMANDS: Record<string, string> = {
  "convertto-json": "JSON cmdlets need PowerShell 3.0; print key=value",
  "convertfrom-json": "JSON cmdlets need PowerShell 3.0",
  "invoke-webrequest": "needs PowerShell 3.0; use System.Net.WebClient",
  "invoke-restmethod": "needs PowerShell 3.0; use System.Net.WebClient",
  iwr: "Invoke-WebRequest needs PowerShell 3.0",
  irm: "Invoke-RestMethod needs PowerShell 3.0",
  "install-windowsfeature": "needs Windows Server 2012; use Import-Module ServerManager; Add-WindowsFeature",
  "uninstall-windowsfeature": "needs Windows Server 2012; use Remove-WindowsFeature",
  "get-windowsoptionalfeature": "the DISM module needs Windows 8; use Get-WmiObject Win32_OptionalFeature",
  "enable-windowsoptionalfeature": "the DISM module needs Windows 8; use dism.exe /Enable-Feature",
  "disable-windowsoptionalfeature": "the DISM module needs Windows 8; use dism.exe /Disable-Feature",
  "unblock-file": "needs PowerShell 3.0",
  "get-filehash": "needs PowerShell 4.0",
  "new-temporaryfile": "needs PowerShell 5.0",
  "expand-archive": "needs PowerShell 5.0",
  "compress-archive": "needs PowerShell 5.0",
  // CIM cmdlet aliases (the *-Cim* names themselves are matched by pattern below).
  gcim: "CIM cmdlets need PowerShell 3.0; use Get-WmiObject",
  scim: "CIM cmdlets need PowerShell 3.0; use Set-WmiInstance",
  ncim: "CIM cmdlets need PowerShell 3.0; use Set-WmiInstance",
  rcim: "CIM cmdlets need PowerShell 3.0; use Remove-WmiObject",
  icim: "CIM cmdlets need PowerShell 3.0; use Invoke-WmiMethod",
  gcls: "CIM cmdlets need PowerShell 3.0",
  gcms: "CIM cmdlets need PowerShell 3.0",
  ncms: "CIM cmdlets need PowerShell 3.0",
  ncso: "CIM cmdlets need PowerShell 3.0",
  rcms: "CIM cmdlets need PowerShell 3.0",
  rcie: "CIM cmdlets need PowerShell 3.0",
};
const CIM = /^[a-z]+-cim[a-z]*$/;
const LOCAL_ACCOUNTS = /^[a-z]+-local(user|group|groupmember)$/;
/** Server Manager cmdlets: without module autoloading (3.0) they need Import-Module ServerManager first. */
const SERVER_MANAGER = new Set(["get-windowsfeature", "add-windowsfeature", "remove-windowsfeature"]);

const OPERATORS = new Set(["-in", "-notin", "-iin", "-inotin", "-cin", "-cnotin", "-shl", "-shr"]);
const TYPES = new Set(["ordered", "pscustomobject"]);
const VARIABLES = new Set(["psscriptroot", "pscommandpath", "psdefaultparametervalues"]);
/** .NET 4 members (PowerShell 2.0 runs on CLR 2.0) and the 4.0 intrinsic methods. */
const MEMBERS: Record<string, string> = {
  is64bitprocess: ".NET 4 API; PowerShell 2.0 runs on CLR 2.0 — use [IntPtr]::Size",
  is64bitoperatingsystem: ".NET 4 API; PowerShell 2.0 runs on CLR 2.0",
};
const INTRINSIC_METHODS = new Set(["where", "foreach"]);

const WHERE = new Set(["where-object", "where", "?"]);
const FOREACH = new Set(["foreach-object", "foreach", "%"]);
const COMMON_PARAMS = ["erroraction", "ea", "errorvariable", "ev", "outvariable", "ov", "outbuffer", "ob", "warningaction", "wa", "warningvariable", "wv"];
const SWITCHES = ["verbose", "vb", "debug", "db"];
/** The parameters Where-Object / ForEach-Object had in 2.0 (anything else is the 3.0 simplified syntax). */
const PS2_PARAMS = {
  where: ["filterscript", "inputobject", ...COMMON_PARAMS],
  foreach: ["process", "begin", "end", "inputobject", ...COMMON_PARAMS],
};
const ACTION_PARAMS = new Set(["erroraction", "ea", "warningaction", "wa"]);

const at = (node: SyntaxNode) => `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;

/** The text a literal or bare word stands for: quotes removed, lower case. */
function wordOf(node: SyntaxNode): string {
  let text = node.text.trim();
  if (/^'.*'$/s.test(text) || /^".*"$/s.test(text)) text = text.slice(1, -1);
  return text.toLowerCase();
}

/** Unwraps single-child expression wrappers to see what an argument really is. */
function innermost(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.namedChildCount === 1 && current.type !== "script_block_expression" && current.type !== "string_literal") {
    current = current.namedChildren[0];
  }
  return current;
}

function commandName(command: SyntaxNode): { name: string; node: SyntaxNode } | undefined {
  const plain = command.children.find((c) => c.type === "command_name");
  if (plain) return { name: plain.text.toLowerCase(), node: plain };
  // `& 'Get-CimInstance'` calls the command too.
  const expr = command.children.find((c) => c.type === "command_name_expr");
  const literal = expr?.children.find((c) => c.type === "string_literal");
  return literal ? { name: wordOf(literal), node: literal } : undefined;
}

/** The parameters and positional arguments of a command, in order (separators dropped). */
function elementsOf(command: SyntaxNode): SyntaxNode[] {
  const elements = command.children.find((c) => c.type === "command_elements");
  return elements ? elements.children.filter((c) => c.type !== "command_argument_sep") : [];
}

const paramName = (node: SyntaxNode) => node.text.replace(/^-/, "").replace(/:$/, "").toLowerCase();
const matches = (allowed: readonly string[], name: string) => name !== "" && allowed.some((a) => a.startsWith(name));

function checkCommand(command: SyntaxNode, report: (node: SyntaxNode, what: string) => void, importedServerManager: boolean): void {
  const found = commandName(command);
  if (!found) return;
  const { name, node } = found;
  const why = COMMANDS[name] ?? (CIM.test(name) ? "CIM cmdlets need PowerShell 3.0; use Get-WmiObject" : undefined) ??
    (LOCAL_ACCOUNTS.test(name) ? "the LocalAccounts module needs PowerShell 5.1; use ADSI WinNT://" : undefined);
  if (why) report(node, `${node.text}: ${why}`);
  if (SERVER_MANAGER.has(name) && !importedServerManager) {
    report(node, `${node.text} without a preceding Import-Module ServerManager: PowerShell 2.0 has no module autoloading`);
  }

  const elements = elementsOf(command);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (el.type !== "command_parameter") continue;
    const next = elements[i + 1];
    if (ACTION_PARAMS.has(paramName(el)) && next && next.type !== "command_parameter" && wordOf(next) === "ignore") {
      report(el, `${el.text} Ignore: the Ignore action needs PowerShell 3.0; use SilentlyContinue`);
    }
  }

  const kind = WHERE.has(name) ? "where" : FOREACH.has(name) ? "foreach" : undefined;
  if (!kind) return;
  const allowed = PS2_PARAMS[kind];
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (el.type === "command_parameter") {
      const param = paramName(el);
      if (matches(SWITCHES, param)) continue;
      if (!matches(allowed, param)) {
        report(el, `${node.text} ${el.text}: simplified ${node.text} syntax needs PowerShell 3.0; use a script block`);
      }
      i++; // its value
      continue;
    }
    if (innermost(el).type !== "script_block_expression") {
      report(el, `${node.text} ${el.text.slice(0, 40)}: simplified ${node.text} syntax needs PowerShell 3.0; use a script block`);
    }
  }
}

/** Every PowerShell 2.0 violation in `script`, as "line:col what: why". Empty means none found. */
export async function ps2Violations(script: string): Promise<string[]> {
  const root = await parseTree(script);
  const problems: string[] = [];
  const report = (node: SyntaxNode, what: string) => problems.push(`${at(node)} ${what}`);
  let importedServerManager = false;

  const walk = (node: SyntaxNode): void => {
    switch (node.type) {
      case "command": {
        const found = commandName(node);
        if (found?.name === "import-module" && elementsOf(node).some((e) => wordOf(e) === "servermanager")) {
          importedServerManager = true;
        }
        checkCommand(node, report, importedServerManager);
        break;
      }
      case "comparison_operator":
        if (OPERATORS.has(node.text.toLowerCase())) report(node, `${node.text}: operator needs PowerShell 3.0; use -contains / -notcontains`);
        break;
      case "type_literal": {
        const type = node.descendantsOfType("type_name")[0]?.text.toLowerCase();
        if (type !== undefined && TYPES.has(type)) report(node, `${node.text}: type accelerator needs PowerShell 3.0`);
        break;
      }
      case "variable": {
        const name = node.text.replace(/^[$@]\{?/, "").replace(/\}$/, "").toLowerCase();
        if (VARIABLES.has(name)) report(node, `${node.text}: automatic variable needs PowerShell 3.0`);
        if (name.startsWith("using:")) report(node, `${node.text}: the using: scope needs PowerShell 3.0; pass -ArgumentList`);
        break;
      }
      case "member_access":
      case "invokation_expression": {
        const member = node.children.find((c) => c.type === "member_name");
        if (!member) break;
        const memberName = member.text.toLowerCase();
        const operator = member.previousSibling?.type;
        const isCall = node.type === "invokation_expression";
        if (operator === "::" && memberName === "new" && isCall) report(member, `::new(): constructor syntax needs PowerShell 5.0; use New-Object`);
        if (MEMBERS[memberName]) report(member, `${member.text}: ${MEMBERS[memberName]}`);
        if (operator === "." && isCall && INTRINSIC_METHODS.has(memberName)) {
          report(member, `.${member.text}(): intrinsic method needs PowerShell 4.0; use the ${memberName === "where" ? "Where" : "ForEach"}-Object cmdlet`);
        }
        break;
      }
    }
    for (const child of node.children) walk(child);
  };
  walk(root);
  return problems;
}
