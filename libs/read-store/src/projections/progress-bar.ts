import { ProjectionProgress } from './projection-runner';

/** A one-line progress bar for rebuilds, redrawn in place on a terminal and every 10% otherwise. */
export function progressBar(out: NodeJS.WritableStream & { isTTY?: boolean }, width = 30) {
  const started = Date.now();
  let lastDecile = -1;
  return (progress: ProjectionProgress): void => {
    const rate = Math.round(progress.events / Math.max(0.001, (Date.now() - started) / 1000));
    const head = progress.head ?? 0;
    const fraction = head > 0 ? Math.min(1, progress.position / head) : 0;
    const bar =
      head > 0
        ? `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${Math.floor(fraction * 100)}% `
        : '';
    const line = `${progress.projection} ${bar}${progress.events.toLocaleString('en')} events, ${rate.toLocaleString('en')} events/s`;
    if (out.isTTY) {
      out.write(`\r${line}`);
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== lastDecile) {
      lastDecile = decile;
      out.write(`${line}\n`);
    }
  };
}
