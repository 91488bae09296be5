/*
 * Where Chromium broke the page's box (the first thing laid out in the second column),
 * the footnote calls above that break, and the marks on the parts of a cut element.
 */
(function (vb) {
  'use strict';

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
    if (vb.hasContentIn(before)) return at;
    var walker = document.createTreeWalker(box, NodeFilter.SHOW_ELEMENT);
    var el;
    while ((el = walker.nextNode())) {
      if (vb.BLOCKS.test(el.tagName) && !el.querySelector('*') || /^(IMG|SVG|TABLE|FIGURE|TR|P|LI|H[1-6])$/i.test(el.tagName)) {
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
    while (el && head && vb.sameElement(el, head)) {
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
    var continued = first && first.tagName === 'LI' && vb.sameElement(first, head.lastElementChild);
    tail.setAttribute('start', String(start + placed - (continued ? 1 : 0)));
  }

  function repeatHeader(head, tail) {
    var thead = head.querySelector(':scope > thead');
    if (thead && !tail.querySelector(':scope > thead')) tail.insertBefore(thead.cloneNode(true), tail.firstChild);
  }

  vb.findBreak = findBreak;
  vb.callsOnPage = callsOnPage;
  vb.startsWithForcedBreak = startsWithForcedBreak;
  vb.atLeastSomething = atLeastSomething;
  vb.markContinuation = markContinuation;
})(window.__vb = window.__vb || {});
