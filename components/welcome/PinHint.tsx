import { BrandMark } from '../BrandMark';
import { WelcomeStep } from './WelcomeStep';

/** How to keep the toolbar button in view; browsers put a new extension's button in a menu. */
export function PinHint({ firefox }: { firefox: boolean }) {
  return (
    <WelcomeStep step={3} id="pin-heading" title="Pin the toolbar button">
      <p class="pin-intro">
        <BrandMark size={20} />
        <span>
          The News Tracker button shows the companies on the page you are reading and your latest stories, one click
          away.
        </span>
      </p>
      {firefox ? (
        <ol class="pin-steps">
          <li>Click the Extensions button (the puzzle piece) in the toolbar.</li>
          <li>Click the gear beside News Tracker and choose “Pin to Toolbar”.</li>
        </ol>
      ) : (
        <ol class="pin-steps">
          <li>Click the Extensions button (the puzzle piece) to the right of the address bar.</li>
          <li>Click the pin beside News Tracker.</li>
        </ol>
      )}
    </WelcomeStep>
  );
}
