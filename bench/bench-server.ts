import { spawn, type ChildProcess } from 'node:child_process';

export interface BenchServer {
  url: string;
  child: ChildProcess;
}

/** Starts bench/serve.ts (`mingbai`: the real app; `bare`: a bare Koa route) in its own process. */
export async function startBenchServer(kind: 'mingbai' | 'bare', env: Record<string, string> = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/serve.ts', kind], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function stopBenchServer(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export interface LoadFigures {
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
  errors: number;
  non2xx: number;
}

/** The figures every load test reports, from an autocannon result. */
export function toLoadFigures(result: { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }): LoadFigures {
  return {
    reqPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
