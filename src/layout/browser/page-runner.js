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
(function () {
  'use strict';

  // Old layouts include this file twice ({{scripts.runner}} and {{scripts.paged}}).
  if (window.__vbRunner) return;
  window.__vbRunner = true;

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

  var FORCED = { page: true, left: true, right: true, recto: true, verso: true, column: true };
  var MAX_PAGES = 5000;
  /* Characters moved into a page box before it is measured: about two pages of text.
     Less costs extra rounds when a page has room left; more costs layout time. */
  var PULL_CHARS = 6000;

  domReady.then(function () {
    mark('vb:before');
    return fontsLoaded;
  }).then(function () {
    mark('vb:fonts');
    var pages = paginate();
    mark('vb:laidout');
    placeFurniture(pages);
    tidy(document.body);
    mark('vb:furniture');
    // Images cloned into the page furniture start loading only now; print after they have.
    var images = Array.prototype.map.call(document.images, function (img) {
      return img.decode().catch(function () { fail('image could not be loaded: ' + img.getAttribute('src')); });
    });
    return Promise.all(images).then(function () {
      if (window.__vbFout) return;
      mark('vb:images');
      window.__vbResultaat = { pages: pages.length, footnotes: document.querySelectorAll('.vb-voetnoten [data-note="footnote"]').length };
      finish(window.__vbResultaat);
    });
  }).catch(function (err) {
    fail((err && err.stack) || String(err));
  });

  /* ---- preparing the flow ---------------------------------------------------- */

  /* Everything in <body> but templates and scripts is the text flow. Each element gets
     an id that its copies keep (an element cut at a page break exists on both pages),
     forced breaks are read from the computed style while the flow is still in the
     document, and each footnote is replaced by its call. */
  function takeFlow() {
    var flow = document.createDocumentFragment();
    var n = 0;
    var after = [];
    var all = document.body.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var el = all[i];
      if (el.closest('template, script')) continue;
      el.setAttribute('data-vb-id', String(++n));
      var style = getComputedStyle(el);
      if (FORCED[style.breakBefore]) el.setAttribute('data-vb-breek-voor', '');
      if (FORCED[style.breakAfter]) after.push(el);
    }
    // A forced break after an element is a forced break before whatever follows it.
    after.forEach(function (el) {
      var next = el;
      while (next && !next.nextElementSibling) next = next.parentElement;
      if (next && next.nextElementSibling) next.nextElementSibling.setAttribute('data-vb-breek-voor', '');
    });
    var notes = {};
    document.body.querySelectorAll('.footnote[data-footnote]').forEach(function (span) {
      var nr = span.getAttribute('data-footnote');
      var call = document.createElement('a');
      call.className = 'vbfn-' + nr;
      call.setAttribute('data-footnote-call', nr);
      call.setAttribute('href', '#note-' + nr);
      // The number is CSS-generated text, which assistive technology may skip.
      call.setAttribute('aria-label', 'Voetnoot ' + nr);
      span.parentNode.replaceChild(call, span);
      var note = document.createElement('div');
      note.className = span.className;
      note.id = 'note-' + nr;
      note.setAttribute('data-note', 'footnote');
      note.setAttribute('data-footnote', nr);
      note.setAttribute('data-footnote-marker', '');
      while (span.firstChild) note.appendChild(span.firstChild);
      notes[nr] = note;
    });
    Array.prototype.slice.call(document.body.childNodes).forEach(function (node) {
      if (node.nodeType === 1 && (node.tagName === 'TEMPLATE' || node.tagName === 'SCRIPT')) return;
      flow.appendChild(node);
    });
    return { flow: flow, notes: notes };
  }

  /* ---- moving content between the flow and a page --------------------------- */

  function sameElement(a, b) {
    return a && b && a.nodeType === 1 && b.nodeType === 1 && a.getAttribute('data-vb-id') !== null &&
      a.getAttribute('data-vb-id') === b.getAttribute('data-vb-id');
  }

  /* Appends the children of `from` to `target`, joining a leading copy of the element
     that `target` ends with (the rest of an element cut earlier) into that element. */
  function appendJoined(target, from) {
    var first = from.firstChild;
    if (first && sameElement(first, target.lastChild)) {
      from.removeChild(first);
      appendJoined(target.lastChild, first);
    }
    while (from.firstChild) target.appendChild(from.firstChild);
  }

  function copyAttributes(from, to) {
    Array.prototype.slice.call(to.attributes).forEach(function (a) { to.removeAttribute(a.name); });
    Array.prototype.forEach.call(from.attributes, function (a) { to.setAttribute(a.name, a.value); });
  }

  /* The same at the front: the part of an element beyond a break goes back before the
     part of it that has not been moved into a page yet. */
  function prependJoined(target, from) {
    var last = from.lastChild;
    if (last && sameElement(last, target.firstChild)) {
      from.removeChild(last);
      // The front part's attributes win: it is the one marked as a continuation.
      copyAttributes(last, target.firstChild);
      prependJoined(target.firstChild, last);
    }
    var ref = target.firstChild;
    while (from.firstChild) target.insertBefore(from.firstChild, ref);
  }

  /* Whether anything visible is left: text, or an element that shows without text. */
  function hasContent(node) {
    var walker = document.createTreeWalker(node, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var n;
    while ((n = walker.nextNode())) {
      if (n.nodeType === 3 ? n.data.trim() !== '' : /^(IMG|SVG|HR|TABLE|FIGURE)$/i.test(n.tagName) || n.hasAttribute('data-footnote-call')) return true;
    }
    return false;
  }

  var BLOCKS = /^(P|LI|TR|H[1-6]|FIGURE|TABLE|PRE|BLOCKQUOTE|DT|DD|DIV|SECTION|ARTICLE|UL|OL|DL|HR|ADDRESS|HEADER|FOOTER|ASIDE|NAV|MAIN)$/;

  /* Where the next pull from the flow ends: after about PULL_CHARS characters, at the
     end of the block they fall in, or before the next forced break, whichever is first. */
  function pullEnd(flow, pageHasContent) {
    var walker = document.createTreeWalker(flow, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    var chars = 0;
    var node;
    while ((node = walker.nextNode())) {
      if (node.nodeType === 1) {
        if (node.hasAttribute('data-vb-breek-voor') && (pageHasContent || chars > 0 || hasContentBefore(flow, node))) {
          return { before: node };
        }
        continue;
      }
      chars += node.data.length;
      if (chars >= PULL_CHARS) {
        var block = node.parentNode;
        while (block && block !== flow && !(block.nodeType === 1 && BLOCKS.test(block.tagName))) block = block.parentNode;
        if (!block || block === flow) return { after: node };
        // A forced break after a block inside this one ends the pull there instead.
        return { after: block };
      }
    }
    return null;
  }

  function hasContentBefore(flow, el) {
    var r = document.createRange();
    r.setStart(flow, 0);
    r.setEndBefore(el);
    return r.toString().trim() !== '';
  }

  /* Moves the next part of the flow into the page's box; false when nothing was left. */
  function pull(flow, box) {
    if (!flow.firstChild) return false;
    var end = pullEnd(flow, hasContent(box));
    var part;
    if (!end) {
      part = document.createDocumentFragment();
      while (flow.firstChild) part.appendChild(flow.firstChild);
    } else {
      var r = document.createRange();
      r.setStart(flow, 0);
      if (end.before) r.setEndBefore(end.before);
      else r.setEndAfter(end.after);
      part = r.extractContents();
    }
    appendJoined(box, part);
    return true;
  }

  /* ---- finding the break ----------------------------------------------------- */

  /* The column a rectangle lies in: 0 is the page, 1 and further are overflow. */
  function column(rect, box) {
    return Math.floor((rect.left - box.left + 1) / box.width);
  }

  /* The first point of the box's content that Chromium laid out beyond the first
     column, as a Range boundary, or null when everything fits. */
  function findBreak(box) {
    var area = box.getBoundingClientRect();
    var geometry = { left: area.left, width: area.width };
    return breakIn(box, geometry);
  }

  function breakIn(parent, g) {
    for (var child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        var at = breakInText(child, g);
        if (at) return at;
        continue;
      }
      if (child.nodeType !== 1) continue;
      var rects = child.getClientRects();
      if (!rects.length) continue;
      if (column(rects[0], g) >= 1) return { node: parent, offset: indexOf(child) };
      if (column(rects[rects.length - 1], g) >= 1) {
        var inner = breakIn(child, g);
        if (inner) return inner;
        // Nothing inside starts in the next column (an element too tall for any page):
        // the break goes after it.
        return { node: parent, offset: indexOf(child) + 1 };
      }
    }
    return null;
  }

  function breakInText(text, g) {
    if (!text.data.trim()) return null;
    var r = document.createRange();
    r.selectNodeContents(text);
    var rects = r.getClientRects();
    if (!rects.length || column(rects[rects.length - 1], g) < 1) return null;
    // The first character laid out in the next column: a binary search over offsets.
    var lo = 0;
    var hi = text.data.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      r.setStart(text, mid);
      r.setEnd(text, mid + 1);
      var cr = r.getClientRects();
      var c = cr.length ? column(cr[cr.length - 1], g) : 0;
      if (c >= 1) hi = mid;
      else lo = mid + 1;
    }
    return { node: text, offset: lo };
  }

  function indexOf(node) {
    var i = 0;
    while ((node = node.previousSibling)) i++;
    return i;
  }

  /* Footnote calls laid out in the page's own column. */
  function callsOnPage(box) {
    var area = box.getBoundingClientRect();
    var g = { left: area.left, width: area.width };
    var calls = [];
    box.querySelectorAll('[data-footnote-call]').forEach(function (a) {
      var rects = a.getClientRects();
      if (rects.length && column(rects[0], g) < 1) calls.push(a.getAttribute('data-footnote-call'));
    });
    return calls;
  }

  /* ---- pages ----------------------------------------------------------------- */

  function newPage(container, index) {
    var page = document.createElement('div');
    page.className = 'vb-blad' + (index === 0 ? ' vb-blad-eerste' : '');
    var text = document.createElement('div');
    text.className = 'vb-blad-tekst';
    var box = document.createElement('div');
    box.className = 'vb-blad-stroom vb-meten';
    var notes = document.createElement('div');
    notes.className = 'vb-voetnoten';
    text.appendChild(box);
    text.appendChild(notes);
    page.appendChild(text);
    container.appendChild(page);
    return { element: page, text: text, box: box, notes: notes };
  }

  function setNotes(page, calls, notes) {
    var area = page.notes;
    while (area.firstChild) area.removeChild(area.firstChild);
    calls.forEach(function (nr) { if (notes[nr]) area.appendChild(notes[nr]); });
    return area.firstChild ? area.getBoundingClientRect().height : 0;
  }

  function sameList(a, b) {
    return a.length === b.length && a.every(function (x, i) { return x === b[i]; });
  }

  /* Lays out one page: fills its box, finds the break with the footnotes' room taken
     off, and returns what lies beyond the break (or null). */
  function layOutPage(page, flow, notes) {
    var full = page.text.getBoundingClientRect().height;
    var box = page.box;
    box.style.height = full + 'px';
    pull(flow, box);
    var at = findBreak(box);
    while (!at && flow.firstChild && !startsWithForcedBreak(flow)) {
      pull(flow, box);
      at = findBreak(box);
    }
    var calls = callsOnPage(box);
    var room = full - setNotes(page, calls, notes);
    if (calls.length) {
      box.style.height = room + 'px';
      at = findBreak(box);
      var fewer = callsOnPage(box);
      if (!sameList(fewer, calls)) {
        // Some calls moved to the next page with the break, and their notes go with
        // them. The room they leave is given back to the text unless that brings a
        // call back onto the page; then the page keeps the room made for all of them.
        var more = full - setNotes(page, fewer, notes);
        box.style.height = more + 'px';
        var tighter = findBreak(box);
        if (sameList(callsOnPage(box), fewer)) {
          at = tighter;
        } else {
          box.style.height = room + 'px';
          at = findBreak(box);
        }
      }
    }
    var tail = null;
    if (at) {
      at = atLeastSomething(box, at);
      var r = document.createRange();
      r.setStart(at.node, at.offset);
      r.setEnd(box, box.childNodes.length);
      tail = r.extractContents();
      markContinuation(box, tail);
    }
    box.classList.remove('vb-meten');
    box.style.height = '';
    return tail;
  }

  function startsWithForcedBreak(flow) {
    var el = flow.firstElementChild;
    while (el) {
      if (el.hasAttribute('data-vb-breek-voor')) return true;
      el = el.firstElementChild;
    }
    return false;
  }

  /* A page must take something, or a box too tall for any page would never be placed. */
  function atLeastSomething(box, at) {
    var before = document.createRange();
    before.setStart(box, 0);
    before.setEnd(at.node, at.offset);
    if (before.toString().trim() !== '' || before.cloneContents().querySelector('img, svg, table, hr')) return at;
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT);
    var el;
    while ((el = walker.nextNode())) {
      if (BLOCKS.test(el.tagName) && !el.querySelector('*') || /^(IMG|SVG|TABLE|FIGURE|TR|P|LI|H[1-6])$/.test(el.tagName)) {
        return { node: el.parentNode, offset: indexOf(el) + 1 };
      }
    }
    return { node: box, offset: box.childNodes.length };
  }

  /* The parts of elements cut at the break: no top margin, no second list marker, the
     numbering of an ordered list continued, and a table's header repeated. */
  function markContinuation(box, tail) {
    var el = tail.firstElementChild;
    var head = box.lastElementChild;
    while (el && head && sameElement(el, head)) {
      el.classList.add('vb-vervolg');
      el.removeAttribute('id');
      if (el.tagName === 'OL') continueNumbering(head, el);
      if (el.tagName === 'TABLE') repeatHeader(head, el);
      el = el.firstElementChild;
      head = head.lastElementChild;
    }
  }

  function continueNumbering(head, tail) {
    var start = parseInt(head.getAttribute('start') || '1', 10);
    var placed = Array.prototype.filter.call(head.children, function (c) { return c.tagName === 'LI'; }).length;
    var first = tail.firstElementChild;
    var continued = first && first.tagName === 'LI' && sameElement(first, head.lastElementChild);
    tail.setAttribute('start', String(start + placed - (continued ? 1 : 0)));
  }

  function repeatHeader(head, tail) {
    var thead = head.querySelector(':scope > thead');
    if (thead && !tail.querySelector(':scope > thead')) tail.insertBefore(thead.cloneNode(true), tail.firstChild);
  }

  function paginate() {
    var taken = takeFlow();
    var flow = taken.flow;
    var container = document.createElement('div');
    container.className = 'vb-bladen';
    document.body.appendChild(container);
    var pages = [];
    while (hasContent(flow)) {
      if (pages.length >= MAX_PAGES) throw new Error('the letter runs to more than ' + MAX_PAGES + ' pages');
      var page = newPage(container, pages.length);
      var tail = layOutPage(page, flow, taken.notes);
      if (tail) prependJoined(flow, tail);
      pages.push(page);
    }
    return pages;
  }

  /* ---- furniture and finishing ------------------------------------------------ */

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

  /* An element cut at a break exists on two pages: only the first keeps its id. The
     letter's main landmark, cut over the pages, becomes one landmark around them all. */
  function tidy(root) {
    var seen = {};
    root.querySelectorAll('[id]').forEach(function (el) {
      if (seen[el.id]) el.removeAttribute('id');
      else seen[el.id] = true;
    });
    root.querySelectorAll('[data-vb-id]').forEach(function (el) {
      el.removeAttribute('data-vb-id');
      el.removeAttribute('data-vb-breek-voor');
    });
    root.querySelectorAll('[role="main"]').forEach(function (el) { el.removeAttribute('role'); });
    var pages = root.querySelector('.vb-bladen');
    if (pages) pages.setAttribute('role', 'main');
  }
})();
