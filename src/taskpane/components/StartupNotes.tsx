/** What the pane shows before a mode is ready, or instead of it when Excel is too old. */
import { BusyNote } from './BusyNote';
import { Notice } from './Notice';
import { useStrings } from '../language';

/** While Office.js says which host this is. */
export function Connecting() {
  return <BusyNote label={useStrings().connecting} />;
}

/** While the browser-mode code loads. */
export function LoadingBrowserMode() {
  return <BusyNote label={useStrings().loadingBrowserMode} />;
}

/** Excel lacks the requirement set the add-in needs: say which, and what to do. */
export function RequirementsNotMet({ api }: { api: string }) {
  return <Notice intent="error" text={useStrings().requirementsNotMet(api)} />;
}
