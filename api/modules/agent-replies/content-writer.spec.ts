import { ContentWriter } from './content-writer';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ContentWriter', () => {
  it('writes the first piece at once, then at most every interval, and the held-back text once the interval has passed', async () => {
    const writes: string[] = [];
    const writer = new ContentWriter(async (text) => (writes.push(text), true), 40);
    await writer.push('a');
    await writer.push('ab');
    await writer.push('abc');
    expect(writes).toEqual(['a']);
    await sleep(60);
    expect(writes).toEqual(['a', 'abc']); // the stream stalled, the stored text caught up anyway
    await sleep(60);
    await writer.push('abcd'); // more than an interval since the last write: written at once
    expect(writes).toEqual(['a', 'abc', 'abcd']);
    await writer.close();
  });

  it('writes in order, one at a time, and stops writing once fenced', async () => {
    const writes: string[] = [];
    let active = 0;
    const writer = new ContentWriter(async (text) => {
      active++;
      expect(active).toBe(1);
      await sleep(5);
      writes.push(text);
      active--;
      return text.length < 2;
    }, 0);
    await writer.push('a');
    await writer.push('ab');
    expect(writer.fenced).toBe(true);
    await writer.push('abc');
    await writer.close();
    expect(writes).toEqual(['a', 'ab']);
  });

  it('close() drops the held-back text: the final text is stored by whoever completes the reply', async () => {
    const writes: string[] = [];
    const writer = new ContentWriter(async (text) => (writes.push(text), true), 1000);
    await writer.push('a');
    await writer.push('ab');
    await writer.close();
    await sleep(20);
    expect(writes).toEqual(['a']);
  });
});
