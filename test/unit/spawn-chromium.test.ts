import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchArgs, PUPPETEER_DEFAULT_ARGS } from '../../src/pdf/spawn-chromium.js';

describe('spawnChromium', () => {
  it('starts Chromium with exactly the arguments puppeteer.launch would give it', () => {
    // about:blank is added by spawnChromium after the debugging port, as puppeteer does.
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((a) => a !== 'about:blank');
    expect(PUPPETEER_DEFAULT_ARGS).toEqual(theirs);
    expect(launchArgs('/usr/bin/chromium')).toEqual(theirs);
  });

  it("starts a headless shell with puppeteer's headless: 'shell' arguments", () => {
    const theirs = puppeteer.defaultArgs({ headless: 'shell' }).filter((a) => a !== 'about:blank');
    expect(launchArgs('/usr/bin/chromium-headless-shell')).toEqual(theirs);
    expect(launchArgs('/opt/chrome-headless-shell/linux-131/chrome-headless-shell')).toEqual(theirs);
  });
});
