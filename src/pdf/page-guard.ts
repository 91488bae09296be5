import type { Page } from 'puppeteer-core';
import { wholeFile, type Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * Runs in the page before anything else (our code, not the letter's). The layout's
 * Content-Security-Policy stops requests to other hosts before request interception
 * sees them, so they are recorded here, from the browser's violation reports, to be
 * named in a warning. A font from such a host can then never load; the page runner
 * waits for every font, so that one failure is turned into a recorded fallback
 * instead of a failed render. A font served from the project that fails to load is
 * still an error.
 */
/** What the guard records in the page: read once the page has printed (paginate-page.ts, warningsAfterPrint). */
export const BLOCKED_IN_PAGE = '__vbGeblokkeerd';

const GUARD = `(() => {
  const blocked = [];
  Object.defineProperty(window, '${BLOCKED_IN_PAGE}', { value: blocked });
  document.addEventListener('securitypolicyviolation', (e) => { blocked.push(e.effectiveDirective + ' ' + (e.blockedURI || 'inline')); }, true);
  const load = FontFace.prototype.load;
  const unquote = (s) => s.trim().replace(/^["']|["']$/g, '');
  const ownSource = (family) => {
    for (const sheet of document.styleSheets) {
      let rules = [];
      try { rules = sheet.cssRules; } catch (e) { continue; }
      for (const rule of rules) {
        if (!(rule instanceof CSSFontFaceRule) || unquote(rule.style.getPropertyValue('font-family')) !== family) continue;
        for (const m of rule.style.getPropertyValue('src').matchAll(/url\\(\\s*["']?([^"')]+)/g)) {
          if (new URL(m[1], document.baseURI).origin === location.origin) return true;
        }
      }
    }
    return false;
  };
  FontFace.prototype.load = function () {
    const face = this;
    return load.call(face).catch((err) => {
      if (ownSource(unquote(face.family))) throw err;
      blocked.push('font:' + unquote(face.family));
      return face;
    });
  };
})();`;

export async function installPageGuard(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(GUARD);
}

/** The requests the policy blocked and the fonts that fell back, as warnings. */
export function blockedWarnings(blocked: readonly string[]): Diagnostic[] {
  return [...new Set(blocked)].map((entry) => {
    if (entry.startsWith('font:')) return fontFallback(entry.slice(5));
    const space = entry.indexOf(' ');
    return blockedByPolicy(entry.slice(0, space), entry.slice(space + 1));
  });
}

/**
 * What the page's policy stopped, named by what it was: a script of the project, a
 * connection (fetch, WebSocket, EventSource), a frame or object, or a plain request.
 */
function blockedByPolicy(directive: string, uri: string): Diagnostic {
  const what = uri === 'inline' || uri === 'eval' ? `an ${uri} ` : '';
  if (directive.startsWith('script-src')) return blocked(`blocked ${what || 'a '}script${what ? '' : ` from ${uri.slice(0, 200)}`}`, 'a letter runs no scripts of its own; remove it from the layout or the Markdown');
  if (directive === 'connect-src') return blocked(`blocked a connection to ${uri.slice(0, 200)} (fetch, WebSocket or EventSource)`, 'a letter may not open connections; nothing was sent');
  if (/^(frame|child|object|worker)-src$/.test(directive)) return blocked(`blocked ${directive.replace('-src', '')} content from ${uri.slice(0, 200)}`, 'a letter embeds no frames, objects or workers');
  return blockedRequest(uri);
}

function blocked(message: string, hint: string): Diagnostic {
  return { ...wholeFile('(rendered page)'), severity: 'warning', message, hint };
}

export function blockedRequest(url: string): Diagnostic {
  return {
    file: '(rendered page)',
    line: 1,
    column: 1,
    severity: 'warning',
    message: `blocked a request for ${url.slice(0, 200)}`,
    hint: 'a letter may only use files from its own project folder; nothing was fetched',
  };
}

function fontFallback(family: string): Diagnostic {
  return {
    file: '(rendered page)',
    line: 1,
    column: 1,
    severity: 'warning',
    message: `font "${family.slice(0, 100)}" could not be loaded; its text uses the letter's own font instead`,
    hint: 'fonts must be files inside the project: name them under lettertype.bestanden in brief.md',
  };
}
