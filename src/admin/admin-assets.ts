import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Asset {
  type: string;
  body: string;
}

/**
 * The dashboard's files, read once at start-up. Chart.js comes from the installed package (node_modules),
 * never from a CDN: the township's network may be closed to the internet.
 */
export function loadAdminAssets(): ReadonlyMap<string, Asset> {
  const here = (name: string) => readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
  const chartDist = dirname(createRequire(import.meta.url).resolve('chart.js'));
  return new Map([
    ['admin.css', { type: 'text/css; charset=utf-8', body: here('admin.css') }],
    ['dashboard.js', { type: 'text/javascript; charset=utf-8', body: here('dashboard.js') }],
    ['chart.umd.min.js', { type: 'text/javascript; charset=utf-8', body: stripSourceMap(readFileSync(join(chartDist, 'chart.umd.min.js'), 'utf8')) }],
  ]);
}

/** The source map is not served, so the pointer to it would only produce a 404 in the browser's tools. */
function stripSourceMap(js: string): string {
  return js.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
}

export function loadAdminPage(name: 'sign-in.html' | 'dashboard.html'): string {
  return readFileSync(new URL(`./${name}`, import.meta.url), 'utf8');
}
