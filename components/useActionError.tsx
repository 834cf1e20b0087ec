/**
 * Errors that last until the person's next action. A message like "Apple is already tracked."
 * answers what was just done; left on screen while the person goes on to something else, it
 * reads as if the new thing had failed too. The page counts actions (pressing a pointer, Enter
 * or Space, typing, sending a form; not moving focus) and each error shows only until the
 * count moves past the one it was set at. Presses are counted as they start, so a field that
 * refuses its value when it loses focus to that press keeps its error on screen.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';

interface Actions {
  /** Renders again when it moves. */
  count: number;
  /** Moves as the action happens, before the handlers that may set an error run. */
  latest: { current: number };
}

const ActionCount = createContext<Actions>({ count: 0, latest: { current: 0 } });

/**
 * Counts the actions taken anywhere inside it, for the errors under it. The count moves as an
 * action starts (capture), before any handler that may set an error; the page renders again
 * only once the browser has finished with the event (a task later): a render in between would
 * reset a controlled field to its old value before its own handler read the new one (a
 * checkbox's click is followed by its input and change events).
 */
export function ActionCounter({ class: className, children }: { class?: string; children: ComponentChildren }) {
  const latest = useRef(0);
  const [count, setCount] = useState(0);
  const acted = () => {
    latest.current += 1;
    setTimeout(() => setCount(latest.current), 0);
  };
  return (
    <ActionCount.Provider value={{ count, latest }}>
      <main
        class={className}
        onPointerDownCapture={acted}
        onKeyDownCapture={(e) => (e.key === 'Enter' || e.key === ' ') && acted()}
        onInputCapture={acted}
        onSubmitCapture={acted}
      >
        {children}
      </main>
    </ActionCount.Provider>
  );
}

/** An error message, shown until the next action on the page; `setError(null)` clears it at once. */
export function useActionError(): [string | null, (error: string | null) => void] {
  const { count, latest } = useContext(ActionCount);
  const [error, setState] = useState<{ message: string; at: number } | null>(null);
  const setError = useCallback(
    (message: string | null) => setState(message === null ? null : { message, at: latest.current }),
    [latest],
  );
  return [error !== null && error.at === count ? error.message : null, setError];
}
