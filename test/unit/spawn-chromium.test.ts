import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { PUPPETEER_DEFAULT_ARGS } from '../../src/pdf/spawn-chromium.js';

describe('spawnChromium', () => {
  it('starts Chromium with exactly the arguments puppeteer.launch would give it', () => {
    // about:blank is added by spawnChromium after the debugging port, as puppeteer does.
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((a) => a !== 'about:blank');
    expect(PUPPETEER_DEFAULT_ARGS).toEqual(theirs);
  });
});
