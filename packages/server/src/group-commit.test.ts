import { expect, it } from 'vitest';
import { GroupCommitter } from './group-commit.ts';

it('commits batches that arrive during a commit together, settling each after its commit', async () => {
  const commits: number[][] = [];
  let release: () => void = () => {};
  const committer = new GroupCommitter<number>(async (items) => {
    commits.push(items);
    if (commits.length === 1) await new Promise<void>((resolve) => (release = resolve));
  });
  const settled: number[] = [];
  const first = committer.submit([1]).then(() => settled.push(1));
  const second = committer.submit([2, 3]).then(() => settled.push(2));
  const third = committer.submit([4]).then(() => settled.push(3));
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(settled).toEqual([]);
  release();
  await Promise.all([first, second, third]);
  expect(commits).toEqual([[1], [2, 3, 4]]);
  expect(settled).toEqual([1, 2, 3]);
});

it('refuses every batch of a failed commit and goes on with the next', async () => {
  let fail = true;
  const committed: number[] = [];
  const committer = new GroupCommitter<number>(async (items) => {
    if (fail) {
      fail = false;
      throw new Error('disk full');
    }
    committed.push(...items);
  });
  await expect(committer.submit([1])).rejects.toThrow('disk full');
  await committer.submit([2]);
  expect(committed).toEqual([2]);
});

it('keeps a commit to the most items it may hold, but never splits a batch', async () => {
  const commits: number[][] = [];
  let release: () => void = () => {};
  const committer = new GroupCommitter<number>(async (items) => {
    commits.push(items);
    if (commits.length === 1) await new Promise<void>((resolve) => (release = resolve));
  }, 3);
  const all = [
    committer.submit([0]),
    committer.submit([1, 2]),
    committer.submit([3, 4]),
    committer.submit([5, 6, 7, 8]),
  ];
  await new Promise((resolve) => setTimeout(resolve, 5));
  release();
  await Promise.all(all);
  await committer.idle();
  expect(commits).toEqual([[0], [1, 2], [3, 4], [5, 6, 7, 8]]);
});
