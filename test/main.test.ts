import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from './support/temp-dir.js';

const tempDir = useTempDirs();

interface Run {
  code: number | null;
  output: string;
}

/** Runs `src/main.ts` as `npm start` does, with only the given environment, until it exits or `until` matches. */
function runMain(env: Record<string, string>, until?: RegExp): Promise<Run & { stop?: () => Promise<Run> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', LAWS_DIR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<Run>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until?.test(output)) {
        resolve({ code: null, output, stop: async () => (child.kill('SIGTERM'), exited) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(resolve);
  });
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('main', () => {
  it('starts with no configuration beyond a data directory, serves the chat page, and stops on SIGTERM', async () => {
    const dataDir = await tempDir();
    const port = await freePort();
    const run = await runMain({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' }, /listening/);
    try {
      expect(run.output).toMatch(/ADMIN_TOKEN/);
      expect(run.output).toMatch(/ARTICLE LOOK-UP IS OFF: LAWS_DIR is not set/);
      const page = await fetch(`http://127.0.0.1:${port}/chat`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('明白');
      const reply = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'u', text: '你好' }),
      });
      expect(reply.status).toBe(200);
    } finally {
      const stopped = await run.stop!();
      expect(stopped.code).toBe(0);
    }
  });

  it('refuses to start on a bad setting and names the variable', async () => {
    const run = await runMain({ PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(run.output).toContain('PORT');
  });

  it('refuses a short ADMIN_TOKEN', async () => {
    const run = await runMain({ ADMIN_TOKEN: 'short' });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/ADMIN_TOKEN: must be at least 16/);
  });

  it('refuses a LAWS_DIR without statute texts, naming it', async () => {
    const empty = await tempDir();
    const run = await runMain({ DATA_DIR: await tempDir(), LAWS_DIR: empty, PORT: String(await freePort()) });
    expect(run.code).toBe(1);
    expect(run.output).toContain(`LAWS_DIR=${empty}: cannot read`);
  });

  it('refuses to start on a damaged consultation file, names it and leaves it untouched', async () => {
    const dataDir = await tempDir();
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
    const file = join(dataDir, 'consultations', `${month.slice(0, 7)}.jsonl`);
    await mkdir(join(dataDir, 'consultations'), { recursive: true });
    await writeFile(file, '{"broken":\n');
    const run = await runMain({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(run.code).toBe(1);
    expect(run.output).toContain(file);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(file, 'utf8')).toBe('{"broken":\n');
  });
});
