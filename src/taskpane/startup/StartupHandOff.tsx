/**
 * Takes the page over from the static start-up shell of taskpane.html: once the React frame is
 * laid out (a layout effect, so before the browser paints it) the shell and its time limit go.
 * Renders nothing.
 */
import { useLayoutEffect } from 'react';

interface StartupShell {
  started(): void;
}

/** Removes the start-up shell, if the page has one (tests render the pane without it). */
export function StartupHandOff() {
  useLayoutEffect(() => {
    (window as Window & { chitieuStartup?: StartupShell }).chitieuStartup?.started();
  }, []);
  return null;
}
