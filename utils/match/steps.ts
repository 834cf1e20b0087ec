/**
 * Long builds (compiling thousands of names) are generators that yield every few thousand
 * steps, so a caller on a web page can give the page a turn in between (compileMatcherSliced).
 */
export type Steps<T> = Generator<void, T, void>;
