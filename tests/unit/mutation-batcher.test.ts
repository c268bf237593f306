// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MutationBatcher } from '../../lib/page/mutation-batcher';

const childList = (target: Node, added: Node[]): MutationRecord =>
  ({ type: 'childList', target, addedNodes: added, removedNodes: [] }) as unknown as MutationRecord;

describe('MutationBatcher', () => {
  it('ignores changes inside <head>: a page adding a <style> rescans nothing (and keeps an open card)', () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<p>Song Kang</p>';
    const batcher = new MutationBatcher();
    const style = document.createElement('style');
    document.head.append(style);
    batcher.record([childList(document.head, [style])]);
    expect(batcher.pending).toBe(false);
    expect(batcher.take().blocks).toEqual([]);
  });

  it('still takes changes in the body', () => {
    document.body.innerHTML = '<p>Song Kang</p>';
    const batcher = new MutationBatcher();
    const p = document.createElement('p');
    p.textContent = 'Han So-hee';
    document.body.append(p);
    batcher.record([childList(document.body, [p])]);
    expect(batcher.take().blocks).toEqual([p]);
  });
});
