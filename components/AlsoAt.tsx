export interface AlsoAtProps {
  copies: readonly { url: string; publisher: string | null }[];
}

/** "Also at" and a link to each copy of a story, named by its publisher (else its host). */
export function AlsoAt({ copies }: AlsoAtProps) {
  if (copies.length === 0) return null;
  return (
    <p class="also-at">
      Also at{' '}
      {copies.map((copy, i) => (
        <span key={copy.url}>
          {i > 0 && ', '}
          <a href={copy.url} target="_blank" rel="noreferrer">
            {copy.publisher ?? new URL(copy.url).hostname}
          </a>
        </span>
      ))}
    </p>
  );
}
