import * as pulumi from "@pulumi/pulumi";

/**
 * A secret that a step needs and that the program gave (a connection password or key, a per-host
 * password, a PXE password), accepted only when it is the value of a stack-config secret.
 *
 * The Pulumi CLI masks exactly the values of the stack's config secrets wherever it prints text
 * (pulumi/pulumi pkg/cmd/pulumi/config/io.go, AddGlobalSecretFilter): a failing step's error,
 * which @pulumi/command builds from the step's output, and --debug output, where the SDK echoes
 * registrations. A value made in the program — `pulumi.secret("…")`, read from a file or a
 * vault — is a secret in state but printed as it is in such text, and no SDK call adds a value
 * to the CLI's mask. So a program may pass `config.requireSecret("…")` (or leave the argument
 * out: the library reads config itself), never a value of its own.
 */
export function stackSecret(what: string, value: pulumi.Input<string>): pulumi.Output<string> {
  if (typeof value === "string") {
    check(what, value);
    return pulumi.secret(value);
  }
  return pulumi.secret(
    pulumi.output(value).apply((v) => {
      if (v !== undefined) check(what, v);
      return v;
    }),
  );
}

function check(what: string, value: string): void {
  if (value === "" || stackSecretValues().has(value)) return;
  throw new pulumi.RunError(
    `${what} is a secret given in the program, not in stack config: the Pulumi CLI masks only stack-config secrets in the text it prints ` +
      "(a failing step's error, --debug output), so this value could be shown in the clear. " +
      "Set it with `pulumi config set --secret <key> …` and pass `new pulumi.Config().requireSecret(\"<key>\")`, or leave it out where the library reads the config key itself (README, \"Connections and secrets\").",
  );
}

/** The SDK's own test for a secret config key (exported by @pulumi/pulumi/runtime, marked internal in its types). */
const isConfigSecret = (pulumi.runtime as unknown as { isConfigSecret: (key: string) => boolean }).isConfigSecret;

/** Every string value of the stack's config secrets, the leaves of structured ones included. */
function stackSecretValues(): Set<string> {
  const values = new Set<string>();
  const config = pulumi.runtime.allConfig();
  for (const [key, raw] of Object.entries(config)) {
    if (!isConfigSecret(key)) continue;
    values.add(raw);
    if (raw.startsWith("{") || raw.startsWith("[")) {
      try {
        collectStrings(JSON.parse(raw), values);
      } catch {
        // a secret that merely starts with a brace: its whole value is in the set already
      }
    }
  }
  return values;
}

function collectStrings(v: unknown, into: Set<string>): void {
  if (typeof v === "string") into.add(v);
  else if (v !== null && typeof v === "object") for (const x of Object.values(v)) collectStrings(x, into);
}
