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

import type { Steps } from './steps';

export interface Automaton {
  /**
   * Class of each code unit; 0 for units in no key, which always lead back to the root. It ends
   * after the highest unit of any key (units beyond it are class 0): a whole table would cost
   * 128 KB in every frame, and names are mostly Latin.
   */
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
  states: number;
  /** Edges of each state, as a linked list over edge ids: state → first edge, edge → next edge. */
  firstEdge: Int32Array;
  nextEdge: Int32Array;
  /** Class of each edge; an edge's id is the id of the state it leads to. */
  edgeClass: Int32Array;
  keyAt: Int32Array;
}

/** The keys' trie in flat arrays, states numbered breadth first (the root is 0). */
function* buildTrie(keys: readonly string[]): Steps<Trie> {
  let highest = 0;
  for (const key of keys) for (let i = 0; i < key.length; i++) highest = Math.max(highest, key.charCodeAt(i));
  const classOf = new Uint16Array(highest + 1);
  let classes = 1;
  let units = 0;
  for (const key of keys) {
    units += key.length;
    for (let i = 0; i < key.length; i++) {
      const unit = key.charCodeAt(i);
      if (classOf[unit] === 0) classOf[unit] = classes++;
    }
  }
  // Built in insertion order first: one map from (state, class) to the child, no object per state.
  const childOf = new Map<number, number>();
  const parent = new Int32Array(units + 1);
  const via = new Int32Array(units + 1);
  const keyAtBuilt = new Int32Array(units + 1).fill(-1);
  let built = 1;
  for (const [index, key] of keys.entries()) {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const cls = classOf[key.charCodeAt(i)] as number;
      const edge = state * classes + cls;
      let next = childOf.get(edge);
      if (next === undefined) {
        next = built++;
        childOf.set(edge, next);
        parent[next] = state;
        via[next] = cls;
      }
      state = next;
    }
    keyAtBuilt[state] = index;
    if ((index & 511) === 511) yield;
  }
  yield;
  // Children lists in build order, then a breadth-first renumbering.
  const firstChild = new Int32Array(built).fill(-1);
  const nextChild = new Int32Array(built).fill(-1);
  for (let s = built - 1; s >= 1; s--) {
    const p = parent[s] as number;
    nextChild[s] = firstChild[p] as number;
    firstChild[p] = s;
  }
  const order = new Int32Array(built);
  const renumbered = new Int32Array(built);
  let tail = 1;
  for (let head = 0; head < tail; head++) {
    for (let c = firstChild[order[head] as number] as number; c !== -1; c = nextChild[c] as number) {
      renumbered[c] = tail;
      order[tail++] = c;
    }
  }
  yield;
  // Every state but the root is the target of exactly one edge, which takes the state's id.
  const firstEdge = new Int32Array(built).fill(-1);
  const nextEdge = new Int32Array(built).fill(-1);
  const edgeClass = new Int32Array(built);
  const keyAt = new Int32Array(built);
  for (let s = built - 1; s >= 0; s--) {
    const old = order[s] as number;
    keyAt[s] = keyAtBuilt[old] as number;
    if (s === 0) continue;
    const from = renumbered[parent[old] as number] as number;
    edgeClass[s] = via[old] as number;
    nextEdge[s] = firstEdge[from] as number;
    firstEdge[from] = s;
  }
  return { classOf, classes, states: built, firstEdge, nextEdge, edgeClass, keyAt };
}

/** `denseEntries` bounds the dense table (tests make it small to exercise the hashed states). */
export function* automatonSteps(keys: readonly string[], denseEntries = DENSE_ENTRIES): Steps<Automaton> {
  const { classOf, classes, states, firstEdge, nextEdge, edgeClass, keyAt } = yield* buildTrie(keys);
  yield;
  const denseStates = Math.max(1, Math.min(states, Math.floor(denseEntries / classes)));
  // Two bytes a transition while the states fit, so more of the table stays in the processor's cache.
  const dense = states < 0x10000 ? new Uint16Array(denseStates * classes) : new Int32Array(denseStates * classes);
  const fail = new Int32Array(states);
  const output = new Int32Array(states).fill(-1);
  const outputLink = new Int32Array(states);

  let size = 16;
  while (size < (states - denseStates) * 2) size *= 2;
  const mask = size - 1;
  const slotKey = new Int32Array(size).fill(-1);
  const slotValue = new Int32Array(size);
  for (let s = denseStates; s < states; s++) {
    if ((s & 2047) === 0) yield;
    for (let e = firstEdge[s] as number; e !== -1; e = nextEdge[e] as number) {
      const key = s * classes + (edgeClass[e] as number);
      let slot = hashSlot(key, mask);
      while (slotKey[slot] !== -1) slot = (slot + 1) & mask;
      slotKey[slot] = key;
      slotValue[slot] = e;
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
  for (let e = firstEdge[0] as number; e !== -1; e = nextEdge[e] as number) dense[edgeClass[e] as number] = e;
  for (let s = 1; s < states; s++) {
    if ((s & 2047) === 0) yield;
    const failState = fail[s] as number;
    output[s] = keyAt[s] as number;
    outputLink[s] = (output[failState] as number) >= 0 ? failState : (outputLink[failState] as number);
    if (s < denseStates) dense.copyWithin(s * classes, failState * classes, failState * classes + classes);
    for (let e = firstEdge[s] as number; e !== -1; e = nextEdge[e] as number) {
      const cls = edgeClass[e] as number;
      fail[e] = step(failState, cls);
      if (s < denseStates) dense[s * classes + cls] = e;
    }
  }

  yield;
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
