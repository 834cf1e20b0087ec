import { useCallback, useEffect, useState } from 'preact/hooks';

export interface AsyncState<T> {
  value: T | undefined;
  error: string | null;
  reload: () => void;
}

/**
 * Loads a value once, on demand (`reload`), and again whenever `generation` changes, keeping
 * the last error as text a person can read.
 */
export function useAsync<T>(load: () => Promise<T>, generation = 0): AsyncState<T> {
  const [value, setValue] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [own, setOwn] = useState(0);
  const reload = useCallback(() => setOwn((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    load().then(
      (v) => {
        if (!live) return;
        setValue(v);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [own, generation]);
  return { value, error, reload };
}
