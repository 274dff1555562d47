export type Output = NodeJS.WritableStream & { isTTY?: boolean };

export interface Progress {
  events: number;
  position: number;
  head: number;
}

/**
 * A one-line progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise
 * (logs of CI jobs). `done()` ends the line.
 */
export function progressBar(out: Output, label: string, width = 30) {
  const started = Date.now();
  let lastDecile = -1;
  let drawn = false;
  return {
    update(progress: Progress): void {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const rate = Math.round(progress.events / seconds);
      const fraction = progress.head > 0 ? Math.min(1, progress.position / progress.head) : 1;
      const bar = `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${Math.floor(fraction * 100)}%`;
      const line = `${label} ${bar} ${progress.events.toLocaleString('en')} events, ${rate.toLocaleString('en')} events/s`;
      if (out.isTTY) {
        out.write(`\r${line}`);
        drawn = true;
        return;
      }
      const decile = Math.floor(fraction * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        out.write(`${line}\n`);
      }
    },
    done(): void {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
