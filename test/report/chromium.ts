import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Debian's package `chromium` (CI: `apt-get install -y chromium`). */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless, no sandbox (containers), nothing that talks to the network on its own. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--hide-scrollbars",
];

/** Fails (never skips) when Chromium is not installed: the report's rendering must be tested. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} not found: the report tests render the HTML in headless Chromium. Install it with ` +
        "`apt-get update && apt-get install -y chromium` (Debian package chromium).",
    );
  }
}

function chromium(args: readonly string[], file: string): Promise<string> {
  const profile = mkdtempSync(join(tmpdir(), "pulumi-configmgr-chromium-"));
  return new Promise<string>((resolve, reject) => {
    execFile(
      CHROMIUM,
      [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, ...args, pathToFileURL(file).href],
      { encoding: "utf8", timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        rmSync(profile, { recursive: true, force: true });
        if (err) reject(new Error(`chromium failed on ${file}: ${err.message}\n${stderr.slice(-2000)}`));
        else resolve(stdout);
      },
    );
  });
}

/** The DOM after load, serialised. */
export const dumpDom = (file: string): Promise<string> => chromium(["--dump-dom"], file);

export async function screenshot(file: string, png: string, width: number, height: number): Promise<void> {
  await chromium([`--screenshot=${png}`, `--window-size=${width},${height}`], file);
}

/** Width and height from a PNG's IHDR chunk (and a check that it is a PNG). */
export function pngSize(data: Buffer): { width: number; height: number } {
  if (data.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}
