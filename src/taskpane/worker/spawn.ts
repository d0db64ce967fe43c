/**
 * Starts the engine worker. The only file with `import.meta`: webpack 5 turns this exact
 * `new Worker(new URL(…, import.meta.url))` into a worker chunk of its own. Jest (CommonJS)
 * never loads it: client.ts imports it only where `Worker` exists.
 */

/** A new engine worker. */
export function spawnEngineWorker(): Worker {
  // @ts-ignore TS1343: the repository's tsconfig emits CommonJS for Node; webpack compiles this file as an ES module.
  return new Worker(new URL('./worker.ts', import.meta.url), { name: 'chitieu-engine' });
}
