import { PassThrough } from 'node:stream';
import { progressBar } from './progress-bar';

const capture = () => {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { out, text: () => text };
};

describe("the auditor's progress bar, not on a terminal", () => {
  it('writes its first line and its last, full, with the count and the rate, and no blank line', () => {
    const { out, text } = capture();
    const bar = progressBar(out, 'verify');
    for (let position = 1_000; position <= 10_000; position += 1_000)
      bar.update({ events: position, position, head: 10_000 });
    bar.done();
    const lines = text().split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toMatch(/^verify \[###\.{27}\] 10% 1,000 events, [\d,]+ events\/s$/);
    expect(lines[lines.length - 1]).toMatch(/^verify \[#{30}\] 100% 10,000 events, [\d,]+ events\/s$/);
    expect(lines).not.toContain('');
  });

  it('shows an empty log as done, and draws nothing when nothing was reported', () => {
    const empty = capture();
    const bar = progressBar(empty.out, 'verify');
    bar.update({ events: 0, position: 0, head: 0 });
    bar.done();
    expect(empty.text()).toMatch(/^verify \[#{30}\] 100% 0 events/);
    const silent = capture();
    progressBar(silent.out, 'verify').done();
    expect(silent.text()).toBe('');
  });
});
