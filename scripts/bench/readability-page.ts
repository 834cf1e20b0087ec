/** Runs inside Chromium for scripts/bench/article.bench.ts: @mozilla/readability 0.6 as the baseline. */
import { isProbablyReaderable, Readability } from '@mozilla/readability';

/** Milliseconds per isProbablyReaderable call, batched like the content-script start. */
export function timeReaderable(samples: number, batch: number): number[] {
  const ms: number[] = [];
  for (let s = 0; s < samples; s++) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) isProbablyReaderable(document);
    ms.push((performance.now() - started) / batch);
  }
  return ms;
}

/** Milliseconds per parse (of a clone: parse rewrites the document it is given). */
export function timeParse(runs: number): number[] {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    new Readability(document.cloneNode(true) as Document).parse();
    ms.push(performance.now() - started);
  }
  return ms;
}
