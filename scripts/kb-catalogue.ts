/**
 * `npm run kb:catalogue [-- --kb DIR]`: one line per curated entry (id, category, two phrasings, the
 * answer's opening), tab-separated on standard output. It is what answer-map labellers read to decide
 * which entries answer a real question, without seeing what the retriever would pick.
 */
import { parseArgs } from 'node:util';
import { readKnowledgeFiles } from '../src/knowledge/load-knowledge-base.js';
import { REPO } from './training-sources.js';

const { values } = parseArgs({ options: { kb: { type: 'string', default: `${REPO}data/kb` } } });
const { entries, problems } = await readKnowledgeFiles(values.kb);
if (problems.length > 0) console.error(`knowledge base: ${problems.length} problems (run npm run kb:check)`);
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
console.log(['id', 'category', 'asks', 'answer'].join('\t'));
for (const { entry } of entries.sort((a, b) => a.entry.category.localeCompare(b.entry.category) || a.entry.id.localeCompare(b.entry.id))) {
  console.log([entry.id, entry.category, entry.questions.slice(0, 2).map(clean).join(' / '), clean(entry.answer).slice(0, 90)].join('\t'));
}
