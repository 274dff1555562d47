import { Format, SingleBar } from 'cli-progress';
import { ProjectionProgress } from './projection-runner';

/**
 * A one-line progress bar for rebuilds (cli-progress): redrawn in place on a terminal; elsewhere
 * its first line, a line every 2 s and its last. Without the log's head, the count alone.
 */
export function progressBar(out: NodeJS.WritableStream & { isTTY?: boolean }, width = 30) {
  const started = Date.now();
  let running = false;
  const bar = new SingleBar({
    stream: out,
    barCompleteChar: '#',
    barIncompleteChar: '.',
    barsize: width,
    hideCursor: false,
    noTTYOutput: true,
    clearOnComplete: !out.isTTY,
    format: (
      options,
      params,
      payload: { projection: string; events: string; rate: string; known: boolean },
    ) =>
      `${payload.projection} ` +
      (payload.known
        ? `[${Format.BarFormat(params.progress, options)}] ${Math.floor(params.progress * 100)}% `
        : '') +
      `${payload.events} events, ${payload.rate} events/s`,
  });
  return {
    update(progress: ProjectionProgress): void {
      const rate = Math.round(progress.events / Math.max(0.001, (Date.now() - started) / 1000));
      const head = progress.head ?? 0;
      const payload = {
        projection: progress.projection,
        events: progress.events.toLocaleString('en'),
        rate: rate.toLocaleString('en'),
        known: head > 0,
      };
      const [value, total] = head > 0 ? [Math.min(progress.position, head), head] : [0, 1];
      if (!running) bar.start(total, value, payload);
      else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
      running = true;
    },
    done(): void {
      if (running) bar.stop();
      running = false;
    },
  };
}
