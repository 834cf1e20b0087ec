/**
 * Aho-Corasick automaton over UTF-16 code units: finds every occurrence of every key in one
 * pass, at a cost that grows with the text, not with the number of keys.
 *
 * Code units are first mapped to a small alphabet (units that appear in no key share class 0,
 * which always leads back to the root). The root's transitions are a dense table; deeper
 * transitions live in one open-addressing hash table keyed by (state, class), which keeps memory
 * proportional to the keys even with thousands of names.
 */

export interface Automaton {
  /** Calls `onKey(keyIndex, end)` for every key ending at position `end` (exclusive) of `units`. */
  scan(units: Uint16Array, length: number, onKey: (keyIndex: number, end: number) => void): void;
  readonly keyLengths: Int32Array;
}

function hashSlot(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
}

export function buildAutomaton(keys: readonly string[]): Automaton {
  const classOf = new Uint16Array(0x10000);
  let classes = 1;
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = classes++;
    }
  }

  // Trie, built with maps, then frozen into typed arrays.
  const children: Map<number, number>[] = [new Map()];
  const keyAt: number[] = [-1];
  for (const [index, key] of keys.entries()) {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const cls = classOf[key.charCodeAt(i)] as number;
      const node = children[state] as Map<number, number>;
      let next = node.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        keyAt.push(-1);
        node.set(cls, next);
      }
      state = next;
    }
    keyAt[state] = index;
  }

  const states = children.length;
  const fail = new Int32Array(states);
  const output = new Int32Array(states).fill(-1);
  const outputLink = new Int32Array(states);
  const rootNext = new Int32Array(classes);
  for (const [cls, child] of children[0] as Map<number, number>) rootNext[cls] = child;

  let edges = 0;
  for (const node of children) edges += node.size;
  let size = 16;
  while (size < edges * 2) size *= 2;
  const mask = size - 1;
  const slotKey = new Int32Array(size).fill(-1);
  const slotValue = new Int32Array(size);
  const put = (key: number, value: number) => {
    let slot = hashSlot(key, mask);
    while (slotKey[slot] !== -1) slot = (slot + 1) & mask;
    slotKey[slot] = key;
    slotValue[slot] = value;
  };
  const get = (key: number): number => {
    let slot = hashSlot(key, mask);
    for (;;) {
      const found = slotKey[slot] as number;
      if (found === key) return slotValue[slot] as number;
      if (found === -1) return -1;
      slot = (slot + 1) & mask;
    }
  };
  for (const [state, node] of children.entries()) {
    if (state !== 0) for (const [cls, child] of node) put(state * classes + cls, child);
  }

  const step = (from: number, cls: number): number => {
    let state = from;
    for (;;) {
      if (state === 0) return rootNext[cls] as number;
      const next = get(state * classes + cls);
      if (next !== -1) return next;
      state = fail[state] as number;
    }
  };

  // Breadth-first: a state's failure link points to a shallower state, already linked.
  const queue: number[] = [];
  for (const child of (children[0] as Map<number, number>).values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    output[state] = keyAt[state] as number;
    const failState = fail[state] as number;
    outputLink[state] = (output[failState] as number) >= 0 ? failState : (outputLink[failState] as number);
    for (const [cls, child] of children[state] as Map<number, number>) {
      fail[child] = step(failState, cls);
      queue.push(child);
    }
  }

  return {
    keyLengths: Int32Array.from(keys, (k) => k.length),
    scan(units, length, onKey) {
      let state = 0;
      for (let i = 0; i < length; i++) {
        const cls = classOf[units[i] as number] as number;
        state = cls === 0 ? 0 : step(state, cls);
        if (state === 0) continue;
        let found = (output[state] as number) >= 0 ? state : (outputLink[state] as number);
        while (found !== 0) {
          onKey(output[found] as number, i + 1);
          found = outputLink[found] as number;
        }
      }
    },
  };
}
