/**
 * `npm run kb:check [-- --kb DIR --routes FILE --laws DIR]`: validates the curated Q&A and the route replies
 * against their schemas and the statutes.
 * Exit 0 when clean, 1 with one line per problem (file, entry, field) otherwise.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { readCategoryRoutes } from '../src/knowledge/category-routes.js';
import { checkCategoryRoutes, checkKnowledgeBase } from '../src/knowledge/check-knowledge-base.js';
import { loadLawCorpus } from '../src/knowledge/laws/load-law-corpus.js';
import { formatProblem, readKnowledgeFiles } from '../src/knowledge/load-knowledge-base.js';
import { CATEGORIES } from '../src/understanding/category.js';

const config = loadConfig(process.env);
const { values } = parseArgs({ options: { kb: { type: 'string' }, routes: { type: 'string' }, laws: { type: 'string' } } });
const kbDir = values.kb ?? config.KB_DIR;
const routesFile = values.routes ?? config.ROUTES_FILE;
const lawsDir = values.laws ?? config.LAWS_DIR ?? '../shared/laws';

const corpus = await loadLawCorpus(lawsDir);
const { entries, problems } = await readKnowledgeFiles(kbDir);
problems.push(...checkKnowledgeBase(entries, corpus));
const routes = await readCategoryRoutes(routesFile);
problems.push(...routes.problems, ...checkCategoryRoutes(routesFile, routes.routes, corpus));

const counts = new Map<string, number>(CATEGORIES.map((c) => [c, 0]));
for (const { entry } of entries) counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
console.log(`${entries.length} entries in ${kbDir} and ${routes.routes.size} routes in ${routesFile}, citations checked against ${lawsDir}`);
console.log([...counts].map(([c, n]) => `  ${c.padEnd(16)} ${n}`).join('\n'));

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
console.log('\nkb:check passed');
