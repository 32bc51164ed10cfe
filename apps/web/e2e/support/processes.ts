import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';

export interface RunningProcess {
  url: string;
  /** The last lines it printed, for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts a server in its own process group (so stop() also ends whatever it forks) and waits until it answers. */
export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  url: string;
  timeoutMs: number;
}): Promise<RunningProcess> {
  const child = spawn(options.command, options.args, { cwd: options.cwd, env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 60));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const log = () => lines.join('\n');
  const running: RunningProcess = { url: options.url, log, stop: () => stopGroup(child) };
  try {
    await waitUntilAnswering(options.url, child, options.timeoutMs);
  } catch (error) {
    await running.stop();
    throw new Error(`${options.name} did not start: ${error instanceof Error ? error.message : String(error)}\n${log()}`);
  }
  return running;
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return; // any HTTP answer means it is listening
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is already gone
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  signalGroup('SIGKILL'); // anything it forked that outlived it
}
