// The registry's Protobuf differ visits message names, enum names and enum numbers in the
// iteration order of Java HashMaps/HashSets, so the order of its messages depends on it. This
// reproduces that order: String.hashCode / Integer.hashCode, the hash spreading, power-of-two
// tables that double past a 0.75 load factor, split buckets keeping their relative order. Tree
// bins (8+ keys colliding in a table of 64+ buckets) are not modelled; their order may differ.

const LOAD_FACTOR = 0.75;
const DEFAULT_CAPACITY = 16;
const TREEIFY_THRESHOLD = 8;
const MIN_TREEIFY_CAPACITY = 64;

export function javaHashCode(key: string | number): number {
  if (typeof key === "number") return key | 0;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
  return h;
}

function spread(h: number): number {
  return h ^ (h >>> 16);
}

function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity) size *= 2;
  return size;
}

interface Entry<K> {
  key: K;
  hash: number;
}

export class JavaHashSet<K extends string | number> {
  private table: Entry<K>[][];
  private size = 0;

  constructor(initialCapacity = DEFAULT_CAPACITY) {
    this.table = Array.from({ length: tableSizeFor(initialCapacity) }, () => []);
  }

  /** `new HashSet<>(collection)`: sized for the collection, then filled in its order. */
  static fromCollection<K extends string | number>(keys: readonly K[]): JavaHashSet<K> {
    const set = new JavaHashSet<K>(Math.max(Math.trunc(keys.length / LOAD_FACTOR) + 1, DEFAULT_CAPACITY));
    for (const key of keys) set.add(key);
    return set;
  }

  static of<K extends string | number>(keys: readonly K[]): JavaHashSet<K> {
    const set = new JavaHashSet<K>();
    for (const key of keys) set.add(key);
    return set;
  }

  add(key: K): void {
    const hash = spread(javaHashCode(key));
    const bucket = this.table[hash & (this.table.length - 1)]!;
    if (bucket.some((entry) => entry.key === key)) return;
    const crowded = bucket.length >= TREEIFY_THRESHOLD;
    bucket.push({ key, hash });
    if (crowded && this.table.length < MIN_TREEIFY_CAPACITY) this.resize();
    if (++this.size > this.table.length * LOAD_FACTOR) this.resize();
  }

  keys(): K[] {
    return this.table.flatMap((bucket) => bucket.map((entry) => entry.key));
  }

  private resize(): void {
    const oldCapacity = this.table.length;
    const next: Entry<K>[][] = Array.from({ length: oldCapacity * 2 }, () => []);
    this.table.forEach((bucket, index) => {
      for (const entry of bucket) next[entry.hash & oldCapacity ? index + oldCapacity : index]!.push(entry);
    });
    this.table = next;
  }
}

/**
 * Order of `new HashSet<>(originalMap.keySet())` followed by `addAll(updateMap.keySet())`, where both
 * maps were default HashMaps filled with the keys in the given order.
 */
export function javaUnionOrder<K extends string | number>(original: readonly K[], update: readonly K[]): K[] {
  const union = JavaHashSet.fromCollection(JavaHashSet.of(original).keys());
  for (const key of JavaHashSet.of(update).keys()) union.add(key);
  return union.keys();
}
