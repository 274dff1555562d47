import { SingleBar } from 'cli-progress';

export type Output = NodeJS.WritableStream & { isTTY?: boolean };

export interface Progress {
  events: number;
  position: number;
  head: number;
}

/**
 * A one-line progress bar on stderr (cli-progress): redrawn in place on a terminal; elsewhere (logs
 * of CI jobs) its first line, a line every 2 s and its last. `done()` ends it.
 */
export function progressBar(out: Output, label: string, width = 30) {
  const started = Date.now();
  const bar = new SingleBar({
    stream: out,
    format: `${label} [{bar}] {percentage}% {events} events, {rate} events/s`,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    barsize: width,
    hideCursor: false,
    noTTYOutput: true,
    // Not on a terminal the last line already ends the output: no blank line after it.
    clearOnComplete: !out.isTTY,
  });
  let running = false;
  return {
    update({ events, position, head }: Progress): void {
      const seconds = Math.max(0.001, (Date.now() - started) / 1000);
      const counts = {
        events: events.toLocaleString('en'),
        rate: Math.round(events / seconds).toLocaleString('en'),
      };
      // An empty log is done: a full bar.
      const [value, total] = head > 0 ? [Math.min(position, head), head] : [1, 1];
      if (!running) bar.start(total, value, counts);
      else {
        bar.setTotal(total);
        bar.update(value, counts);
      }
      running = true;
    },
    done(): void {
      if (running) bar.stop();
      running = false;
    },
  };
}
