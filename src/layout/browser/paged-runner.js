/*
 * Runs in the page, before Paged.js loads. It configures Paged.js to start only
 * when every font face has loaded (layout measured with a fallback font would be
 * wrong), places the page furniture once the page count is known, and reports the
 * result on window.__vbKlaar (and __vbResultaat / __vbFout) for the PDF writer.
 */
(function () {
  'use strict';

  /* Settles with the result or the failure: the PDF writer awaits this instead of polling. */
  var finish;
  window.__vbKlaar = new Promise(function (resolve) { finish = resolve; });

  function fail(message) {
    if (!window.__vbFout) window.__vbFout = String(message);
    finish({ fout: window.__vbFout });
  }
  window.addEventListener('error', function (e) { fail(e.message); });
  // Paged.js rejects with the XHR's ProgressEvent when it cannot fetch something; name the resource.
  window.addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    if (r && r.target && r.target.responseURL !== undefined) fail('could not load ' + (r.target.responseURL || 'a resource'));
    else fail(r && r.message || String(r));
  });

  /* Stage marks for the bench's profile (bench/profile.ts); cheap enough to keep. */
  function mark(name) {
    if (window.performance && performance.mark) performance.mark(name);
  }

  function furniture(id) {
    var t = document.getElementById(id);
    return t ? t.content : null;
  }

  /* A document may hold several parts with their own furniture and page count (a cover
     letter to the Eerste Kamer bound in front of the letter): a part's root element
     says data-vb-deel="naam", and its pages take the templates vb-<naam>-eerste and
     vb-<naam>-vervolg. Pages without such an element belong to the part "pagina". */
  function deelOf(page) {
    var el = page.element.querySelector('[data-vb-deel]');
    return el ? el.getAttribute('data-vb-deel') : 'pagina';
  }

  function placeFurniture(pages) {
    var delen = pages.map(deelOf);
    var totals = {};
    delen.forEach(function (d) { totals[d] = (totals[d] || 0) + 1; });
    var seen = {};
    pages.forEach(function (page, i) {
      var deel = delen[i];
      var n = seen[deel] = (seen[deel] || 0) + 1;
      var source = furniture('vb-' + deel + (n === 1 ? '-eerste' : '-vervolg'));
      if (!source) return;
      var clone = source.cloneNode(true);
      clone.querySelectorAll('.vb-pagina').forEach(function (el) {
        el.textContent = 'Pagina ' + n + ' van ' + totals[deel];
      });
      clone.querySelectorAll('.vb-paginanummer').forEach(function (el) {
        el.textContent = String(n);
      });
      page.element.appendChild(clone);
    });
  }

  /* Paged.js gives every element a random UUID, which ends up in the PDF's link
     targets; sequential ids make two renders of the same letter identical. */
  function stabiliseIds(root) {
    var map = new Map();
    var n = 0;
    function stable(ref) {
      if (!map.has(ref)) map.set(ref, 'r' + (++n));
      return map.get(ref);
    }
    root.querySelectorAll('[data-ref]').forEach(function (el) {
      el.setAttribute('data-ref', stable(el.getAttribute('data-ref')));
    });
    ['data-footnote-call', 'data-footnote-marker', 'data-split-from', 'data-split-to'].forEach(function (attr) {
      root.querySelectorAll('[' + attr + ']').forEach(function (el) {
        var v = el.getAttribute(attr);
        if (map.has(v)) el.setAttribute(attr, map.get(v));
      });
    });
    root.querySelectorAll('[id^="note-"]').forEach(function (el) {
      var v = el.id.slice(5);
      if (map.has(v)) el.id = 'note-' + map.get(v);
    });
    root.querySelectorAll('a[href^="#note-"]').forEach(function (el) {
      var v = el.getAttribute('href').slice(6);
      if (map.has(v)) el.setAttribute('href', '#note-' + map.get(v));
    });
  }

  /* Paged.js splits the letter's main landmark over the pages; one landmark around all
     pages keeps the footnote areas and page furniture inside it. Footnote calls get
     a name, since their number is CSS-generated text that assistive technology may skip. */
  function fixLandmarksAndNames(root) {
    root.querySelectorAll('[role="main"]').forEach(function (el) { el.removeAttribute('role'); });
    var pages = root.querySelector('.pagedjs_pages');
    if (pages) pages.setAttribute('role', 'main');
    root.querySelectorAll('a[data-footnote-call]').forEach(function (a) {
      var m = /vbfn-(\d+)/.exec(a.className);
      if (m) a.setAttribute('aria-label', 'Voetnoot ' + m[1]);
    });
  }

  /* A task rather than a microtask, so the page stays responsive to the PDF writer's
     polling; MessageChannel avoids setTimeout's 4 ms clamp on nested timers. */
  var channel = new MessageChannel();
  var pending = [];
  channel.port1.onmessage = function () { var cb = pending.shift(); if (cb) cb(); };
  function nextTask(cb) {
    pending.push(cb);
    channel.port2.postMessage(null);
  }

  /* The @font-face rules sit in a <style> before this script, so every face can start
     loading now, while the browser is still parsing Paged.js, instead of in before(). */
  var fontLoads = [];
  document.fonts.forEach(function (face) { fontLoads.push(face.load()); });
  var fontsLoaded = Promise.all(fontLoads);

  window.PagedConfig = {
    auto: true,
    before: function () {
      mark('vb:before');
      return fontsLoaded.then(function () {
        mark('vb:fonts');
        window.Paged.registerHandlers(class extends window.Paged.Handler {
          constructor(chunker, polisher, caller) {
            super(chunker, polisher, caller);
            /* Paged.js lays out one page per animation frame, and headless Chromium
               gives about 60 frames a second: a 20-page letter then waits ~330 ms for
               frames it does not draw. Each page's layout measures synchronously
               (getBoundingClientRect), so a plain task between pages is enough. */
            if (chunker && chunker.q) chunker.q.tick = nextTask;
          }
          afterRendered(pages) {
            mark('vb:laidout');
            placeFurniture(pages);
            stabiliseIds(document.body);
            fixLandmarksAndNames(document.body);
          }
        });
      });
    },
    after: function (flow) {
      mark('vb:furniture');
      var pages = flow ? flow.total : document.querySelectorAll('.pagedjs_page').length;
      // Images cloned into the page furniture start loading only now; print after they have.
      var images = Array.prototype.map.call(document.images, function (img) {
        return img.decode().catch(function () { fail('image could not be loaded: ' + img.getAttribute('src')); });
      });
      return Promise.all(images).then(function () {
        if (window.__vbFout) return;
        mark('vb:images');
        window.__vbResultaat = {
          pages: pages,
          footnotes: document.querySelectorAll('.pagedjs_footnote_area [data-note="footnote"]:not([data-split-from])').length
        };
        finish(window.__vbResultaat);
      });
    }
  };
})();
