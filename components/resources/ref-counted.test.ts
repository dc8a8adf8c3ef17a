import { describe, expect, it } from 'vitest';
import { RefCounted, type Counted } from './ref-counted';

// Shared live lists by key, in the order React runs a navigation between two pages that show the same list.

function lists() {
  const log: string[] = [];
  let n = 0;
  const shared = new RefCounted<Counted & { name: string }>();
  const create = () => ({ users: 0, name: `list${++n}` });
  const open = (e: Counted & { name: string }) => {
    log.push(`open ${e.name}`);
    return () => log.push(`close ${e.name}`);
  };
  return { shared, create, open, log };
}

describe('lists shared by the components that show them', () => {
  it('the next page keeps the entry it rendered with, though the old page let go of it first (Nodes → Overview)', () => {
    const { shared, create, open, log } = lists();
    const nodesPage = shared.get('nodes', create);
    const leaveNodes = shared.acquire('nodes', nodesPage, open);
    // The overview renders while the nodes page is still mounted: it finds the same entry.
    const overview = shared.get('nodes', create);
    expect(overview).toBe(nodesPage);
    // The commit: the nodes page's effects are cleaned up, then the overview's run.
    leaveNodes();
    const leaveOverview = shared.acquire('nodes', overview, open);
    expect(log).toEqual(['open list1', 'close list1', 'open list1']);
    expect(shared.peek('nodes')).toBe(overview);
    expect(overview.users).toBe(1);
    leaveOverview();
    expect(shared.peek('nodes')).toBeUndefined();
    expect(log).toEqual(['open list1', 'close list1', 'open list1', 'close list1']);
  });

  it('opens once for every component of a key, closes after the last one, and a second release changes nothing', () => {
    const { shared, create, open, log } = lists();
    const e = shared.get('pods', create);
    const a = shared.acquire('pods', e, open);
    const b = shared.acquire('pods', shared.get('pods', create), open);
    a();
    a();
    expect(log).toEqual(['open list1']);
    b();
    expect(log).toEqual(['open list1', 'close list1']);
    expect(shared.get('pods', create).name).toBe('list2');
  });

  it('a component holding an entry that was replaced lets go of its own, not of the one in use', () => {
    const { shared, create, open } = lists();
    const old = shared.get('nodes', create);
    shared.acquire('nodes', old, open)();
    const fresh = shared.get('nodes', create);
    const leaveFresh = shared.acquire('nodes', fresh, open);
    const leaveOld = shared.acquire('nodes', old, open);
    leaveOld();
    expect(shared.peek('nodes')).toBe(fresh);
    leaveFresh();
    expect(shared.peek('nodes')).toBeUndefined();
  });
});
