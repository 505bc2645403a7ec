import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";

/**
 * Starts the real dynamic-provider host of @pulumi/pulumi as a child process and calls it over
 * gRPC the way the engine does (pulumi-notes.md §3).
 *
 * The host runs the serialised provider text, whose methods `require("pulumi-configmgr/dist/…")`.
 * That resolves from the host's cwd through node_modules, exactly as in a user's project: the
 * provider module has no file name, so the package cannot resolve itself by name from the
 * project root. The harness therefore runs the host in a consumer folder whose
 * node_modules/pulumi-configmgr links to this project (which must be built: `npm run build`).
 */

const req = createRequire(__filename);
const grpc = req("@grpc/grpc-js");
const provrpc = req("@pulumi/pulumi/proto/provider_grpc_pb");
export const proto = req("@pulumi/pulumi/proto/provider_pb");
const { Struct } = req("google-protobuf/google/protobuf/struct_pb");

export const PROJECT_ROOT = resolve(__dirname, "../..");
export const s = (o: object) => Struct.fromJavaScript(o);

const children = new Set<ChildProcess>();
const folders = new Set<string>();
const links: string[] = [];

/** Stops every host and removes every folder made here (call it in afterAll; also runs on exit). */
export function cleanup(): void {
  for (const c of children) c.kill();
  children.clear();
  // Remove the links themselves first, so that nothing can ever follow one into the project.
  for (const l of links.splice(0)) unlinkSync(l);
  for (const f of folders) rmSync(f, { recursive: true, force: true });
  folders.clear();
}
process.on("exit", cleanup);

function link(target: string, path: string) {
  symlinkSync(target, path, "dir");
  links.push(path);
}

/** A folder that looks like a user's Pulumi project with this library linked in (`npm link`). */
export function consumerProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "configmgr-consumer-"));
  folders.add(dir);
  mkdirSync(join(dir, "node_modules"));
  link(PROJECT_ROOT, join(dir, "node_modules", "pulumi-configmgr"));
  return dir;
}

/**
 * A folder that looks like a user's Pulumi project after `npm install pulumi-configmgr`: real
 * copies of the library (package.json + dist) and of @pulumi/pulumi under node_modules, the
 * other packages linked from this project's node_modules.
 */
export function installedProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "configmgr-installed-"));
  folders.add(dir);
  const modules = join(dir, "node_modules");
  mkdirSync(join(modules, "pulumi-configmgr"), { recursive: true });
  mkdirSync(join(modules, "@pulumi"));
  cpSync(join(PROJECT_ROOT, "package.json"), join(modules, "pulumi-configmgr", "package.json"));
  cpSync(join(PROJECT_ROOT, "dist"), join(modules, "pulumi-configmgr", "dist"), { recursive: true });
  const ours = join(PROJECT_ROOT, "node_modules");
  cpSync(join(ours, "@pulumi", "pulumi"), join(modules, "@pulumi", "pulumi"), { recursive: true });
  for (const name of readdirSync(ours)) {
    if (name === "@pulumi" || name === "pulumi-configmgr") continue;
    link(join(ours, name), join(modules, name));
  }
  for (const name of readdirSync(join(ours, "@pulumi"))) {
    if (name !== "pulumi") link(join(ours, "@pulumi", name), join(modules, "@pulumi", name));
  }
  return dir;
}

export interface Host {
  call(method: string, request: unknown): Promise<any>;
  /** stderr of the host (stack traces of thrown errors land there). */
  readonly stderr: () => string;
  stop(): void;
}

/**
 * Starts the host in `cwd` (a consumer project by default). Like the engine's shim, it runs the
 * @pulumi/pulumi that `cwd` resolves (the program's own copy), else this project's.
 */
export async function startHost(cwd: string = consumerProject(), env: Record<string, string> = {}): Promise<Host> {
  const script = "@pulumi/pulumi/cmd/dynamic-provider";
  let hostScript: string;
  try {
    hostScript = createRequire(join(cwd, "program.js")).resolve(script);
  } catch {
    hostScript = req.resolve(script); // a linked consumer has no copy of its own
  }
  const child = spawn(process.execPath, [hostScript, "127.0.0.1:1"], {
    cwd,
    env: { ...process.env, PULUMI_NODEJS_PROJECT: "proj", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr += String(d)));
  const port = await new Promise<number>((ok, fail) => {
    createInterface({ input: child.stdout! }).once("line", (l) => ok(Number(l)));
    child.once("exit", (c) => fail(new Error(`host exited ${c}: ${stderr}`)));
  });
  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = (m: string, r: unknown) => new Promise<any>((ok, fail) => client[m](r, (e: any, v: any) => (e ? fail(e) : ok(v))));
  const configure = new proto.ConfigureRequest();
  configure.setArgs(s({}));
  await call("configure", configure);
  return {
    call,
    stderr: () => stderr,
    stop: () => {
      client.close();
      child.kill();
      children.delete(child);
    },
  };
}

/** Typed wrappers over the RPCs, returning plain values. */
export function rpc(host: Host, urn: string) {
  return {
    async check(news: object, olds: object = {}) {
      const r = new proto.CheckRequest();
      r.setUrn(urn);
      r.setOlds(s(olds));
      r.setNews(s(news));
      const resp = await host.call("check", r);
      return {
        inputs: resp.getInputs().toJavaScript() as Record<string, any>,
        failures: resp.getFailuresList().map((f: any) => ({ property: f.getProperty() as string, reason: f.getReason() as string })),
      };
    },
    async diff(id: string, olds: object, news: object) {
      const r = new proto.DiffRequest();
      r.setId(id);
      r.setUrn(urn);
      r.setOlds(s(olds));
      r.setNews(s(news));
      const resp = await host.call("diff", r);
      return {
        /** 0 unknown, 1 none, 2 some */
        changes: resp.getChanges() as number,
        replaces: resp.getReplacesList() as string[],
        deleteBeforeReplace: resp.getDeletebeforereplace() as boolean,
      };
    },
    async create(props: object) {
      const r = new proto.CreateRequest();
      r.setUrn(urn);
      r.setProperties(s(props));
      const resp = await host.call("create", r);
      return { id: resp.getId() as string, outs: resp.getProperties().toJavaScript() as Record<string, any> };
    },
    async update(id: string, olds: object, news: object) {
      const r = new proto.UpdateRequest();
      r.setId(id);
      r.setUrn(urn);
      r.setOlds(s(olds));
      r.setNews(s(news));
      const resp = await host.call("update", r);
      return resp.getProperties().toJavaScript() as Record<string, any>;
    },
    async read(id: string, props: object) {
      const r = new proto.ReadRequest();
      r.setId(id);
      r.setUrn(urn);
      r.setProperties(s(props));
      const resp = await host.call("read", r);
      return {
        id: resp.getId() as string,
        props: resp.getProperties().toJavaScript() as Record<string, any>,
        inputs: resp.getInputs()?.toJavaScript() as Record<string, any> | undefined,
      };
    },
    async delete(id: string, props: object) {
      const r = new proto.DeleteRequest();
      r.setId(id);
      r.setUrn(urn);
      r.setProperties(s(props));
      await host.call("delete", r);
    },
  };
}
