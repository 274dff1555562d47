import { createServer } from 'node:net';
import { armExitWatchdog } from './exit-watchdog';

describe('the exit watchdog of a test run', () => {
  it('fails the run, naming what is still open, when the process outlives its grace time', async () => {
    const exits: number[] = [];
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const server = createServer().listen(0, '127.0.0.1');
    try {
      armExitWatchdog(20, (code) => exits.push(code));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(exits).toEqual([1]);
      expect(errors.mock.calls[0][0]).toMatch(/has not exited .*TCPServerWrap/);
    } finally {
      server.close();
      errors.mockRestore();
    }
  });

  it('never holds the process up itself', () => {
    const timer = armExitWatchdog(60_000, () => undefined);
    try {
      expect(timer.hasRef()).toBe(false);
    } finally {
      clearTimeout(timer);
    }
  });
});
