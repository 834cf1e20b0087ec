/**
 * Long builds (compiling thousands of names) are generators that yield every few thousand
 * steps, so a caller on a web page can give the page a turn in between; `finish` runs one to
 * its end at once, for callers that can wait.
 */
export type Steps<T> = Generator<void, T, void>;

export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
