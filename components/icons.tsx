/**
 * Small line icons for icon buttons, drawn on a 16-unit grid in the text colour
 * (`currentColor`), so they follow light and dark mode and the button's state. Decorative
 * only: the button around an icon carries the accessible name.
 */
import type { ComponentChildren } from 'preact';

function Icon({ children, filled = false }: { children: ComponentChildren; filled?: boolean }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="1.5"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

export const StarIcon = ({ filled }: { filled: boolean }) => (
  <Icon filled={filled}>
    <path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" />
  </Icon>
);

/** "Mark read": a tick. */
export const ReadIcon = () => (
  <Icon>
    <path d="M3 8.5l3.2 3L13 4.5" />
  </Icon>
);

/** "Mark unread": the unread dot, as a ring. */
export const UnreadIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="3.2" />
  </Icon>
);

export const DeleteIcon = () => (
  <Icon>
    <path d="M2.5 4h11M6.5 4V2.5h3V4M4 4l.7 9.5h6.6L12 4M6.8 6.5v4.5M9.2 6.5v4.5" />
  </Icon>
);

/** "Not a news story": a page struck through. */
export const NotNewsIcon = () => (
  <Icon>
    <path d="M3.5 3h9v10h-9zM5.5 6h5M5.5 8.5h3M2 14L14 2" />
  </Icon>
);

/** "Mark all read": two ticks. */
export const AllReadIcon = () => (
  <Icon>
    <path d="M1.5 8.5l3 3L11 5M7.5 11l.5.5L14.5 5" />
  </Icon>
);
