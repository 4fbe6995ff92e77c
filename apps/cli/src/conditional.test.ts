import { describe, expect, it } from 'vitest';
import { checkLabels, gridClasses, parseClassList } from './conditional.js';
import { buildRunConfig, defaultEvalConfig } from './run-config.js';

const conditionalConfig = (classes: number) =>
  buildRunConfig({
    data: 'mnist',
    backend: 'wasm',
    conditional: classes,
    model: new Map(),
    train: new Map(),
    eval: defaultEvalConfig(),
  });

describe('conditional runs and grids', () => {
  it('lays a conditional grid out in rows of one class each', () => {
    expect(gridClasses(10, {})).toMatchObject({ count: 100, columns: 10 });
    expect(gridClasses(10, {}).classes?.slice(8, 12)).toEqual([0, 0, 1, 1]);
    expect(gridClasses(10, { classes: [3, 5], count: 6 })).toEqual({
      count: 6,
      classes: [3, 3, 3, 5, 5, 5],
      columns: 3,
    });
    expect(gridClasses(10, { classes: [7], count: 3 })).toEqual({ count: 3, classes: [7, 7, 7] });
    expect(gridClasses(undefined, { count: 5 })).toEqual({ count: 5 });
    expect(() => gridClasses(undefined, { classes: [1] })).toThrow(
      '--class and --classes need a conditional generator',
    );
  });

  it('parses class lists, naming the flag when one is wrong', () => {
    expect(parseClassList('0,1,2', '--classes')).toEqual([0, 1, 2]);
    expect(() => parseClassList('1,,2', '--classes')).toThrow('--classes: expected classes');
    expect(() => parseClassList('-1', '--class')).toThrow('--class: expected classes');
  });

  it("checks a data set's labels against the classes", () => {
    const labels = Uint8Array.from([0, 1, 2, 9]);
    expect(() => checkLabels(conditionalConfig(10), { labels })).not.toThrow();
    expect(() => checkLabels(conditionalConfig(5), { labels })).toThrow(
      '--conditional 5: the labels of mnist go up to 9; pass --conditional 10',
    );
    expect(() => checkLabels(conditionalConfig(10), { labels: new Uint8Array(4) })).toThrow(
      'every label of mnist is 0, one class only',
    );
    expect(() => checkLabels(conditionalConfig(10), {})).toThrow(
      "--conditional trains on the data's classes, and mnist has none",
    );
  });
});
