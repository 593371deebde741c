// Maps and sets keyed by a pair of objects, compared by identity.

export class PairMap<K extends object, V> {
  private readonly outer = new Map<K, Map<K, V>>();

  get(a: K, b: K): V | undefined {
    return this.outer.get(a)?.get(b);
  }

  has(a: K, b: K): boolean {
    return this.outer.get(a)?.has(b) ?? false;
  }

  set(a: K, b: K, value: V): void {
    let inner = this.outer.get(a);
    if (inner === undefined) this.outer.set(a, (inner = new Map()));
    inner.set(b, value);
  }

  delete(a: K, b: K): void {
    this.outer.get(a)?.delete(b);
  }

  *entries(): IterableIterator<[K, K, V]> {
    for (const [a, inner] of this.outer) for (const [b, v] of inner) yield [a, b, v];
  }
}

export class PairSet<K extends object> {
  private readonly map = new PairMap<K, true>();

  has(a: K, b: K): boolean {
    return this.map.has(a, b);
  }

  add(a: K, b: K): void {
    this.map.set(a, b, true);
  }

  delete(a: K, b: K): void {
    this.map.delete(a, b);
  }

  *pairs(): IterableIterator<[K, K]> {
    for (const [a, b] of this.map.entries()) yield [a, b];
  }
}
