/** In-process benchmarks of the parts, added to `npm run bench` as they arrive. */
export async function extraBenches(): Promise<Record<string, unknown>> {
  return {};
}
