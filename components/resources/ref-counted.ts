// Entries shared by key among the components that show the same thing (one live list per scope), held open while
// anyone uses them. A component renders with the entry it found, and its effect acquires that very entry, never a
// fresh lookup: when a page unmounts in the same commit as the next page that shows the same list (Nodes → Overview
// both list nodes), React runs the old page's release before the new page's acquire; the entry is then put back
// and opened again, where a lookup would miss it (the page failed to load).

export interface Counted { users: number; close?: () => void }

export class RefCounted<E extends Counted> {
  private readonly map = new Map<string, E>();

  get(key: string, create: () => E): E {
    let e = this.map.get(key);
    if (!e) this.map.set(key, (e = create()));
    return e;
  }

  peek(key: string): E | undefined {
    return this.map.get(key);
  }

  /** Holds `e` open (opening it if nobody did); the function returned lets go of it, once. */
  acquire(key: string, e: E, open: (e: E) => () => void): () => void {
    if (!this.map.has(key)) this.map.set(key, e);
    e.users++;
    e.close ??= open(e);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--e.users > 0) return;
      e.close?.();
      e.close = undefined;
      if (this.map.get(key) === e) this.map.delete(key);
    };
  }
}
