import type { TestProject } from 'vitest/node';
import { openBrowser, type BrowserSession } from '../../src/pdf/browser-session.js';

let session: BrowserSession | undefined;

/** Starts the one browser every PDF test of the run shares, and hands out its endpoint. */
export async function setup(project: TestProject): Promise<void> {
  session = await openBrowser();
  project.provide('browserWSEndpoint', session.browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await session?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserWSEndpoint: string;
  }
}
