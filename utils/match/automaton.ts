/**
 * Aho-Corasick automaton over UTF-16 code units: finds every occurrence of every key in one
 * pass, at a cost that grows with the text, not with the number of keys.
 *
 * Code units are first mapped to a small alphabet (units that appear in no key share class 0,
 * which always leads back to the root). States are numbered breadth first, so the shallow ones,
 * where a scan spends nearly all its time, come first: their transitions, failure links already
 * followed, live in one dense table, and a step from them is one array read. Deeper states keep
 * only their own edges, in an open-addressing hash table keyed by (state, class), and follow
 * failure links until an edge or a dense state is found; this keeps memory bounded with
 * thousands of names while the scan stays at one table read per character almost always.
 */

export interface Automaton {
  /** Class of each code unit; 0 for units in no key, which always lead back to the root. */
  readonly classOf: Uint16Array;
  /** The state after reading a unit of class `cls` (not 0) in `state`; the root is 0. */
  next(state: number, cls: number): number;
  /** The first state of `state`'s output chain (itself or a failure ancestor that ends a key); 0 when none. */
  readonly firstOutput: Int32Array;
  /** The key a state of an output chain ends. */
  readonly keyOf: Int32Array;
  /** The next state of an output chain; 0 at its end. */
  readonly nextOutput: Int32Array;
  readonly keyLengths: Int32Array;
}

/** Most entries the dense table may hold (2 to 4 MB): every state of a thousand names fits. */
const DENSE_ENTRIES = 1 << 20;

function hashSlot(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 0) & mask;
}

interface Trie {
  classOf: Uint16Array;
  classes: number;
  /** Edges of each state, states numbered breadth first (the root is 0). */
  edges: Map<number, number>[];
  keyAt: Int32Array;
}

/** The keys' trie, renumbered breadth first. */
function buildTrie(keys: readonly string[]): Trie {
  const classOf = new Uint16Array(0x10000);
  let classes = 1;
  for (const key of keys) {
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = classes++;
    }
  }
  const children: Map<number, number>[] = [new Map()];
  const keyAtBuilt: number[] = [-1];
  for (const [index, key] of keys.entries()) {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const cls = classOf[key.charCodeAt(i)] as number;
      const node = children[state] as Map<number, number>;
      let next = node.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        keyAtBuilt.push(-1);
        node.set(cls, next);
      }
      state = next;
    }
    keyAtBuilt[state] = index;
  }
  const order = [0];
  for (let head = 0; head < order.length; head++) {
    for (const child of (children[order[head] as number] as Map<number, number>).values()) order.push(child);
  }
  const renumbered = new Int32Array(children.length);
  for (const [i, old] of order.entries()) renumbered[old] = i;
  const edges = order.map((old) => {
    const mapped = new Map<number, number>();
    for (const [cls, child] of children[old] as Map<number, number>) mapped.set(cls, renumbered[child] as number);
    return mapped;
  });
  const keyAt = Int32Array.from(order, (old) => keyAtBuilt[old] as number);
  return { classOf, classes, edges, keyAt };
}

export function buildAutomaton(keys: readonly string[]): Automaton {
  const { classOf, classes, edges, keyAt } = buildTrie(keys);
  const states = edges.length;
  const denseStates = Math.max(1, Math.min(states, Math.floor(DENSE_ENTRIES / classes)));
  // Two bytes a transition while the states fit, so more of the table stays in the processor's cache.
  const dense = states < 0x10000 ? new Uint16Array(denseStates * classes) : new Int32Array(denseStates * classes);
  const fail = new Int32Array(states);
  const output = new Int32Array(states).fill(-1);
  const outputLink = new Int32Array(states);

  let edgeCount = 0;
  for (let s = denseStates; s < states; s++) edgeCount += (edges[s] as Map<number, number>).size;
  let size = 16;
  while (size < edgeCount * 2) size *= 2;
  const mask = size - 1;
  const slotKey = new Int32Array(size).fill(-1);
  const slotValue = new Int32Array(size);
  for (let s = denseStates; s < states; s++) {
    for (const [cls, child] of edges[s] as Map<number, number>) {
      const key = s * classes + cls;
      let slot = hashSlot(key, mask);
      while (slotKey[slot] !== -1) slot = (slot + 1) & mask;
      slotKey[slot] = key;
      slotValue[slot] = child;
    }
  }
  const edge = (state: number, cls: number): number => {
    const key = state * classes + cls;
    let slot = hashSlot(key, mask);
    for (;;) {
      const found = slotKey[slot] as number;
      if (found === key) return slotValue[slot] as number;
      if (found === -1) return -1;
      slot = (slot + 1) & mask;
    }
  };
  /** The automaton's transition from any state (dense states answer at once). */
  const step = (from: number, cls: number): number => {
    let state = from;
    while (state >= denseStates) {
      const next = edge(state, cls);
      if (next !== -1) return next;
      state = fail[state] as number;
    }
    return dense[state * classes + cls] as number;
  };

  // Breadth first: a state's failure link points to a shallower state, finished before it.
  for (const [cls, child] of edges[0] as Map<number, number>) dense[cls] = child;
  for (let s = 1; s < states; s++) {
    const failState = fail[s] as number;
    output[s] = keyAt[s] as number;
    outputLink[s] = (output[failState] as number) >= 0 ? failState : (outputLink[failState] as number);
    const own = edges[s] as Map<number, number>;
    for (const [cls, child] of own) fail[child] = step(failState, cls);
    if (s < denseStates) {
      const row = s * classes;
      const failRow = failState * classes;
      for (let cls = 1; cls < classes; cls++) dense[row + cls] = own.get(cls) ?? (dense[failRow + cls] as number);
    }
  }

  const firstOutput = Int32Array.from(output, (key, state) => (key >= 0 ? state : (outputLink[state] as number)));
  return {
    classOf,
    next: (state, cls) => (state < denseStates ? (dense[state * classes + cls] as number) : step(state, cls)),
    firstOutput,
    keyOf: output,
    nextOutput: outputLink,
    keyLengths: Int32Array.from(keys, (k) => k.length),
  };
}
