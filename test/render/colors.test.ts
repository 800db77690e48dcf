import { describe, expect, test } from 'vitest';
import { wantsColor } from '../../src/diagnostics/render/colors.js';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('wantsColor', () => {
  test.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['a stream that does not say', {}, {}, false],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR is unset (no-color.org)', tty, { NO_COLOR: '' }, true],
    ['NO_COLOR beats FORCE_COLOR', tty, { NO_COLOR: '1', FORCE_COLOR: '1' }, false],
    ['FORCE_COLOR on a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['FORCE_COLOR=false on a terminal', tty, { FORCE_COLOR: 'false' }, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
  ])('%s', (_name, stream, env, expected) => {
    expect(wantsColor(stream, env)).toBe(expected);
  });
});
