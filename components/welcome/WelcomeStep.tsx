import type { ComponentChildren } from 'preact';

/** One numbered step of the welcome page, a region named by its heading. */
export function WelcomeStep({
  step,
  id,
  title,
  children,
}: {
  step: number;
  id: string;
  title: string;
  children: ComponentChildren;
}) {
  return (
    <section class="welcome-step" aria-labelledby={id}>
      <h2 id={id}>
        <span class="step" aria-hidden="true">
          {step}
        </span>
        {title}
      </h2>
      {children}
    </section>
  );
}
