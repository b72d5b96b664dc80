/** A village or community of the township, with the other names residents give it. */
export interface KnownVillage {
  name: string;
  aliases: readonly string[];
}

/** The township's village list (from the roster), so reports can show the villages nobody asked from. */
export interface VillageSource {
  listVillages(): Promise<readonly KnownVillage[]>;
}

export function fixedVillages(villages: readonly KnownVillage[]): VillageSource {
  const list = Object.freeze(villages.map((v) => ({ name: v.name, aliases: [...v.aliases] })));
  return { listVillages: async () => list };
}

export const noVillages: VillageSource = fixedVillages([]);
