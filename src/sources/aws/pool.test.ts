// The pool never has more than its limit in flight, and runs everything it is given.
import { describe, expect, it } from 'vitest';
import { Pool } from './pool.js';

describe('Pool', () => {
  it('keeps at most `limit` tasks in flight, whatever order they finish in', async () => {
    const pool = new Pool(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run(async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, (i * 7) % 5));
      active--;
      return i;
    })));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(peak).toBe(3);
  });

  it('frees the slot of a task that fails', async () => {
    const pool = new Pool(1);
    await expect(pool.run(async () => { throw new Error('denied'); })).rejects.toThrow('denied');
    expect(await pool.run(async () => 'next')).toBe('next');
  });

  it('refuses a limit below 1', () => {
    expect(() => new Pool(0)).toThrow();
  });
});
