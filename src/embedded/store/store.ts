// The store: the state, its optional journal, and the lock that serialises mutations. A mutation is
// computed synchronously from the current state, written to disk, then applied, and only then
// answered; readers see the state before or after it, never in between.

import { Journal, type JournalOptions } from "../persistence/journal.js";
import { Mutex } from "../mutex.js";
import type { Change, Outcome } from "./changes.js";
import { snapshotChanges } from "./snapshot.js";
import { RegistryState } from "./state.js";

export interface StoreOptions extends JournalOptions {
  /** Directory to persist to; in memory when absent. */
  dir?: string;
}

type Listener = (changes: readonly Change[]) => void;

export class RegistryStore {
  readonly state = new RegistryState();
  private readonly mutex = new Mutex();
  private readonly listeners: Listener[] = [];
  private closed = false;

  private constructor(private readonly journal: Journal | undefined) {}

  static async open(options: StoreOptions = {}): Promise<RegistryStore> {
    if (options.dir === undefined) return new RegistryStore(undefined);
    const { journal, batches } = await Journal.open(options.dir, options);
    const store = new RegistryStore(journal);
    for (const batch of batches) store.state.apply(batch);
    return store;
  }

  /** Called after every applied mutation (caches derived from the state listen). */
  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  /** Runs `operation` alone; its changes are durable before the returned promise resolves. */
  write<T>(operation: (state: RegistryState) => Outcome<T>): Promise<T> {
    return this.mutex.run(async () => {
      if (this.closed) throw new Error("the registry store is closed");
      const { result, changes } = operation(this.state);
      if (changes.length === 0) return result;
      await this.journal?.append(changes);
      this.state.apply(changes);
      for (const listener of this.listeners) listener(changes);
      if (this.journal?.needsCompaction) await this.journal.compact(snapshotChanges(this.state));
      return result;
    });
  }

  /** Waits for in-flight mutations, then releases the journal. */
  async close(): Promise<void> {
    await this.mutex.run(async () => {
      if (this.closed) return;
      this.closed = true;
      await this.journal?.close();
    });
  }
}
