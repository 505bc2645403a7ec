import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";

/**
 * A resource monitor of the tests' own: a gRPC server on 127.0.0.1 implementing the
 * ResourceMonitor and Engine services from @pulumi/pulumi's generated stubs (proto/), which a real
 * program talks to exactly as it talks to the engine when `pulumi up` runs it (the language host
 * starts `@pulumi/pulumi/cmd/run` with --monitor/--engine). It records every RegisterResource
 * request as the SDK sends it — URN, parent, aliases, dependencies, property dependencies,
 * options, inputs — and every log line, and answers like the engine's source evaluator: the URN
 * the engine would compute (pulumi/pulumi sdk/go/common/resource/urn.go NewURN: the parent's
 * qualified type, `$`, the type, unless the parent is the stack), the inputs echoed as outputs.
 *
 * It advertises the features the engine has except alias specs: without them the SDK computes
 * every alias URN itself, the children's inherited ones included (runtime/resource.js,
 * prepareResource → allAliases), so the test sees the full set the engine would match state with.
 */

const req = createRequire(__filename);
const grpc = req("@grpc/grpc-js");
const resrpc = req("@pulumi/pulumi/proto/resource_grpc_pb");
const respb = req("@pulumi/pulumi/proto/resource_pb");
const engrpc = req("@pulumi/pulumi/proto/engine_grpc_pb");
const engpb = req("@pulumi/pulumi/proto/engine_pb");
const emptypb = req("google-protobuf/google/protobuf/empty_pb");
const { Struct } = req("google-protobuf/google/protobuf/struct_pb");

export const PROJECT_ROOT = resolve(__dirname, "../..");
export const SECRET_SIG = "4dabf18193072939515e22adb298388d";
export const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export interface Registered {
  readonly type: string;
  readonly name: string;
  readonly urn: string;
  readonly parent: string;
  readonly custom: boolean;
  readonly inputs: Record<string, any>;
  readonly dependencies: string[];
  readonly propertyDependencies: Record<string, string[]>;
  readonly aliasUrns: string[];
  readonly deleteBeforeReplace: boolean;
  readonly replaceOnChanges: string[];
  readonly ignoreChanges: string[];
  readonly additionalSecretOutputs: string[];
  readonly protect: boolean;
}

export interface Run {
  readonly registrations: Registered[];
  readonly logs: { severity: number; message: string; urn: string }[];
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const FEATURES = ["secrets", "resourceReferences", "deletedWith"];

function qualifiedType(urn: string): string {
  return urn.split("::")[2] ?? "";
}

/** Starts a monitor, runs one program against it in a child process, and stops. */
export async function runProgram(options: {
  /** The program folder or file (TypeScript is run through ts-node, as the nodejs language host does). */
  program: string;
  /** The program's working directory (the project root for the repository's own programs). */
  cwd?: string;
  project?: string;
  stack?: string;
  config?: Record<string, string>;
  secretKeys?: string[];
  env?: Record<string, string>;
  dryRun?: boolean;
}): Promise<Run> {
  const project = options.project ?? "configmgr-lab";
  const stack = options.stack ?? "lab";
  const registrations: Registered[] = [];
  const logs: Run["logs"] = [];
  let root = "";

  const server = new grpc.Server();
  server.addService(resrpc.ResourceMonitorService, {
    supportsFeature(call: any, cb: any) {
      const r = new respb.SupportsFeatureResponse();
      r.setHassupport(FEATURES.includes(call.request.getId()));
      cb(null, r);
    },
    registerResource(call: any, cb: any) {
      const q = call.request;
      const type: string = q.getType();
      const name: string = q.getName();
      const parent: string = q.getParent();
      const parentType = parent ? qualifiedType(parent) : "";
      const qualified = parentType === "" || parentType === "pulumi:pulumi:Stack" ? type : `${parentType}$${type}`;
      const urn = `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
      const propertyDependencies: Record<string, string[]> = {};
      q.getPropertydependenciesMap().forEach((v: any, k: string) => (propertyDependencies[k] = v.getUrnsList()));
      const inputs = q.getObject() ? q.getObject().toJavaScript() : {};
      registrations.push({
        type,
        name,
        urn,
        parent,
        custom: q.getCustom(),
        inputs,
        dependencies: q.getDependenciesList(),
        propertyDependencies,
        aliasUrns: q.getAliasurnsList(),
        deleteBeforeReplace: q.getDeletebeforereplace(),
        replaceOnChanges: q.getReplaceonchangesList(),
        ignoreChanges: q.getIgnorechangesList(),
        additionalSecretOutputs: q.getAdditionalsecretoutputsList(),
        protect: q.getProtect?.() ?? false,
      });
      const r = new respb.RegisterResourceResponse();
      r.setUrn(urn);
      if (q.getCustom()) r.setId(`${name}-id`);
      r.setObject(q.getObject() ?? Struct.fromJavaScript({}));
      cb(null, r);
    },
    registerResourceOutputs(_call: any, cb: any) {
      cb(null, new emptypb.Empty());
    },
    invoke(_call: any, cb: any) {
      const r = new respb.InvokeResponse();
      r.setReturn(Struct.fromJavaScript({}));
      cb(null, r);
    },
    signalAndWaitForShutdown(_call: any, cb: any) {
      cb(null, new emptypb.Empty());
    },
  });
  server.addService(engrpc.EngineService, {
    log(call: any, cb: any) {
      logs.push({ severity: call.request.getSeverity(), message: call.request.getMessage(), urn: call.request.getUrn() });
      cb(null, new emptypb.Empty());
    },
    getRootResource(_call: any, cb: any) {
      const r = new engpb.GetRootResourceResponse();
      r.setUrn(root);
      cb(null, r);
    },
    setRootResource(call: any, cb: any) {
      root = call.request.getUrn();
      cb(null, new engpb.SetRootResourceResponse());
    },
  });
  const port: number = await new Promise((ok, fail) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e: Error | null, p: number) => (e ? fail(e) : ok(p))),
  );
  const address = `127.0.0.1:${port}`;
  try {
    const run = req.resolve("@pulumi/pulumi/cmd/run");
    const args = [run, `--monitor=${address}`, `--engine=${address}`, `--project=${project}`, `--stack=${stack}`, `--pwd=${options.cwd ?? PROJECT_ROOT}`];
    if (options.dryRun) args.push("--dry-run");
    args.push(options.program);
    const child = spawn(process.execPath, args, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: {
        ...process.env,
        PULUMI_NODEJS_TYPESCRIPT: "true",
        PULUMI_NODEJS_TRANSPILE_ONLY: "true",
        PULUMI_CONFIG: JSON.stringify(options.config ?? {}),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(options.secretKeys ?? []),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += String(d)));
    child.stderr.on("data", (d) => (stderr += String(d)));
    const exitCode: number = await new Promise((ok) => child.once("exit", (c) => ok(c ?? 1)));
    return { registrations, logs, exitCode, stdout, stderr };
  } finally {
    server.forceShutdown();
  }
}

/** Every string in a value that is not inside a secret wrapper. */
export function plainStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) plainStrings(v, out);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    if (o[SECRET_SIG] === SECRET_VALUE) return out;
    for (const [k, v] of Object.entries(o)) {
      out.push(k);
      plainStrings(v, out);
    }
  }
  return out;
}

/** The value with secret wrappers removed. */
export function unwrap(value: any): any {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value && typeof value === "object") {
    if (value[SECRET_SIG] === SECRET_VALUE) return unwrap(value.value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v)]));
  }
  return value;
}
