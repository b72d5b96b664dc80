import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DataFileError } from '../storage/data-file-error.js';
import { CATEGORIES, CategorySchema, type Category } from '../understanding/category.js';
import { CitationSchema } from './knowledge-entry.js';
import type { KnowledgeProblem } from './load-knowledge-base.js';

/**
 * What to do about a kind of matter when no curated entry answers the question (data/routes.yaml): who
 * handles it, the usual first step, any deadline to watch. Short, because it stands in for an answer.
 */
export const CategoryRouteSchema = z.object({
  category: CategorySchema,
  steps: z.array(z.string().trim().min(4).max(80)).min(1).max(3),
  citations: z.array(CitationSchema).min(1),
});
export type CategoryRoute = z.infer<typeof CategoryRouteSchema>;

export type CategoryRoutes = ReadonlyMap<Category, CategoryRoute>;

/** Reads the routes file, collecting every problem: a schema error, a category twice or one missing. */
export async function readCategoryRoutes(file: string): Promise<{ routes: Map<Category, CategoryRoute>; problems: KnowledgeProblem[] }> {
  const routes = new Map<Category, CategoryRoute>();
  const problems: KnowledgeProblem[] = [];
  let doc: unknown;
  try {
    doc = parseYaml(await readFile(file, 'utf8'));
  } catch (cause) {
    return { routes, problems: [{ file, message: `cannot be read as YAML: ${(cause as Error).message.split('\n')[0]}` }] };
  }
  const parsed = z.array(z.unknown()).safeParse(doc);
  if (!parsed.success) return { routes, problems: [{ file, message: 'must be a list of routes' }] };
  parsed.data.forEach((item, i) => {
    const route = CategoryRouteSchema.safeParse(item);
    if (!route.success) {
      for (const issue of route.error.issues) problems.push({ file, entryId: `route ${i + 1}`, field: issue.path.join('.'), message: issue.message });
    } else if (routes.has(route.data.category)) {
      problems.push({ file, entryId: route.data.category, message: 'has two routes' });
    } else routes.set(route.data.category, route.data);
  });
  for (const category of CATEGORIES) {
    if (!routes.has(category) && problems.length === 0) problems.push({ file, entryId: category, message: 'has no route' });
  }
  return { routes, problems };
}

/** The routes for the running app; any problem stops start-up with the file named. */
export async function loadCategoryRoutes(file: string): Promise<CategoryRoutes> {
  const { routes, problems } = await readCategoryRoutes(file);
  if (problems.length > 0) throw new DataFileError(file, problems.map((p) => `${p.entryId ?? ''} ${p.field ?? ''}: ${p.message}`).join('; '));
  return routes;
}
