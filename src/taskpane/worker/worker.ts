/**
 * The engine's Web Worker: the xlsx adapter, the engine and the renderer run here, so the
 * pane's thread (and Excel's, in the Office pane) stays free to paint and answer clicks.
 * Bundled by webpack 5 from `new Worker(new URL('./worker.ts', import.meta.url))` (spawn.ts).
 */
import { engineHandler } from './handler';
import type { ToWorker } from './protocol';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
const handle = engineHandler((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.onmessage = (event) => void handle(event.data);
