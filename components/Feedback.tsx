/**
 * The outcome line under a form or toolbar: a polite status for what just worked and, when
 * something failed, an alert that screen readers announce at once. The status paragraph is
 * always present so that assistive technology notices when its text changes.
 */
export function Feedback({
  notice,
  error,
  noPrint = false,
}: {
  notice: string;
  error: string | null;
  noPrint?: boolean;
}) {
  return (
    <>
      <p role="status" class={noPrint ? 'notice no-print' : 'notice'}>
        {notice}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </>
  );
}
