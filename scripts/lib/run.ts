import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/** The project's own CLI binaries (prisma, next, vitest…), so scripts never fetch with npx. */
export function bin(name: string): string {
  return path.join(process.cwd(), "node_modules", ".bin", name);
}

/**
 * Taskdeck's server (Next.js's request handler with the JSON writes' direct lane): what `npm start`,
 * the end-to-end tests, the benchmarks and a deployment's processes run, with PORT and HOST in the
 * environment. Run by Node itself: `[process.execPath, [SERVER_SCRIPT]]`.
 */
export const SERVER_SCRIPT = path.join(process.cwd(), "scripts", "serve.mjs");

/** Environment every Taskdeck command runs with: no telemetry leaves this machine. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1", ...extra };
}

/** Runs a command to completion with inherited output; resolves to its exit code. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv()): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
  });
}

/** Runs a command and captures its output (for checks that interpret it). */
export function capture(command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv()) {
  const result = spawnSync(command, args, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Newest modification time (ms) of any file under the given paths, skipping generated folders. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  // Only whole trees that are not sources: a folder named like lib/server/data is source.
  const skip = new Set(["node_modules", ".next", "generated", ".git"]);
  const visit = (target: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(target);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(target)) if (!skip.has(entry)) visit(path.join(target, entry));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const target of paths) visit(target);
  return newest;
}
