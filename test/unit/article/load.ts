import { readFileSync } from 'node:fs';

/** A fixture page from test/fixtures/article, parsed by the test environment's DOM. */
export function loadFixture(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(`test/fixtures/article/${name}`, 'utf8'), 'text/html');
}

export function pageFrom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
