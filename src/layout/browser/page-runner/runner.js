/*
 * Runs in the page and paginates the letter: it cuts the text flow into A4 page boxes,
 * puts each page's footnotes at its foot, places the page furniture (logo, colofon,
 * "Pagina X van Y") and reports on window.__vbKlaar for the PDF writer.
 *
 * Where a page breaks is decided by Chromium itself: the rest of the text is laid out
 * in a one-column multicol box as high as the page's text area, so Chromium's own
 * fragmentation (orphans, widows, break-inside/after: avoid, forced breaks) places
 * the break, and this script only reads where the second column starts, moves what
 * lies beyond it to the next page and cuts the element there (Range.extractContents
 * copies the ancestors). The box's height is the text area minus the footnotes called
 * above the break. docs/decisions.md says why this replaced Paged.js.
 */
(function (vb) {
  'use strict';

  // Old layouts include this file twice ({{scripts.runner}} and {{scripts.paged}}).
  if (window.__vbRunner) return;
  window.__vbRunner = true;
  /* What the author should hear about, as { message, hint }: reported as warnings. */
  vb.warnings = [];

  /* Settles with the result or the failure: the PDF writer awaits this. */
  var finish;
  window.__vbKlaar = new Promise(function (resolve) { finish = resolve; });

  function fail(message) {
    if (!window.__vbFout) window.__vbFout = String(message);
    finish({ fout: window.__vbFout });
  }
  window.addEventListener('error', function (e) { fail(e.message); });
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    fail((r && r.message) || String(r));
  });

  /* Stage marks for the bench's profile (src/pdf/paginate-page.ts reads them). */
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  /* Layout measured with a fallback font would be wrong, so every face the text needs
     is loaded before the first measurement. The @font-face rules sit in a <style>
     before this script: the faces for basic Latin start loading now, while the body is
     parsed; a face for other characters (latin-ext) only when the text has them. */
  var fontLoads = [];
  var waiting = [];
  document.fonts.forEach(function (face) {
    if (covers(face, 'A'.charCodeAt(0))) fontLoads.push(face.load());
    else waiting.push(face);
  });
  var domReady = new Promise(function (resolve) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { resolve(); }, { once: true });
    else resolve();
  });
  var fontsLoaded = domReady.then(function () {
    var used = {};
    // The page furniture waits in <template>s, outside the body's text.
    var text = document.body ? document.body.textContent : '';
    document.querySelectorAll('template').forEach(function (t) { text += t.content.textContent; });
    for (var i = 0; i < text.length; i++) used[text.charCodeAt(i)] = true;
    var codes = Object.keys(used).map(Number);
    waiting.forEach(function (face) {
      if (codes.some(function (c) { return covers(face, c); })) fontLoads.push(face.load());
    });
    return Promise.all(fontLoads);
  });

  /* Whether a face's unicode-range ("U+0000-00FF, U+0131, U+02??") holds a code point. */
  function covers(face, code) {
    var range = face.unicodeRange || 'U+0-10FFFF';
    return range.split(',').some(function (part) {
      var m = /U\+([0-9A-F?]+)(?:-([0-9A-F]+))?/i.exec(part.trim());
      if (!m) return false;
      var lo = parseInt(m[1].replace(/\?/g, '0'), 16);
      var hi = m[2] ? parseInt(m[2], 16) : parseInt(m[1].replace(/\?/g, 'F'), 16);
      return code >= lo && code <= hi;
    });
  }


  domReady.then(function () {
    mark('vb:before');
    return fontsLoaded;
  }).then(function () {
    mark('vb:fonts');
    var pages = vb.paginate();
    mark('vb:laidout');
    vb.placeFurniture(pages);
    vb.tidy(document.body);
    mark('vb:furniture');
    // Images cloned into the page furniture start loading only now; print after they have.
    var images = Array.prototype.map.call(document.images, function (img) {
      return img.decode().catch(function () { fail('image could not be loaded: ' + img.getAttribute('src')); });
    });
    return Promise.all(images).then(function () {
      if (window.__vbFout) return;
      mark('vb:images');
      window.__vbResultaat = {
        pages: pages.length,
        footnotes: document.querySelectorAll('.vb-voetnoten [data-note="footnote"]').length,
        waarschuwingen: vb.warnings
      };
      finish(window.__vbResultaat);
    });
  }).catch(function (err) {
    fail((err && err.stack) || String(err));
  });
})(window.__vb = window.__vb || {});
