/*
 * The page runner's text flow: taken out of the body, with a shared id on every element
 * (its copies on two pages keep it), forced breaks read from the computed style and
 * each footnote replaced by its call; and the moves between the flow and a page's box,
 * which join the copies of a cut element again.
 */
(function (vb) {
  'use strict';

  var FORCED = { page: true, left: true, right: true, recto: true, verso: true, column: true };
  /* Characters moved into a page box before it is measured: a page and a bit of text.
     Less costs extra rounds when a page has room left; more costs layout time. */
  var PULL_CHARS = 4000;

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

  /* The same for a stretch of the document, such as what lies before a break. */
  function hasContentIn(range) {
    return hasContent(range.cloneContents());
  }

  function hasContentBefore(flow, el) {
    var r = document.createRange();
    r.setStart(flow, 0);
    r.setEndBefore(el);
    return hasContentIn(r);
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

  vb.takeFlow = takeFlow;
  vb.sameElement = sameElement;
  vb.prependJoined = prependJoined;
  vb.hasContent = hasContent;
  vb.hasContentIn = hasContentIn;
  vb.pull = pull;
  vb.BLOCKS = BLOCKS;
})(window.__vb = window.__vb || {});
