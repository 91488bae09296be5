/*
 * The sheets: each takes text from the flow until Chromium breaks it, with the room of
 * the footnotes called above the break taken off, and gives the rest back.
 */
(function (vb) {
  'use strict';

  var MAX_PAGES = 5000;

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
  function layOutPage(page, flow, notes, number) {
    var full = page.text.getBoundingClientRect().height;
    var box = page.box;
    box.style.height = full + 'px';
    vb.pull(flow, box);
    var at = vb.findBreak(box);
    while (!at && flow.firstChild && !vb.startsWithForcedBreak(flow)) {
      vb.pull(flow, box);
      at = vb.findBreak(box);
    }
    var calls = vb.callsOnPage(box);
    var room = full - setNotes(page, calls, notes);
    // Footnotes that would take more than half the page are not given more: the text
    // keeps its half, the notes run off the foot of the sheet, and the author is told.
    var least = full / 2;
    if (calls.length && room < least) {
      vb.warnings.push({
        message: 'the footnotes ' + calls.join(', ') + ' do not fit at the foot of page ' + number + '; part of them is cut off',
        hint: 'shorten the longest of them, or move its text into the letter or a bijlage',
      });
      room = least;
    }
    if (calls.length) {
      box.style.height = room + 'px';
      at = vb.findBreak(box);
      var fewer = vb.callsOnPage(box);
      if (!sameList(fewer, calls)) {
        // Some calls moved to the next page with the break, and their notes go with
        // them. The room they leave is given back to the text unless that brings a
        // call back onto the page; then the page keeps the room made for all of them.
        var more = full - setNotes(page, fewer, notes);
        box.style.height = more + 'px';
        var tighter = vb.findBreak(box);
        if (sameList(vb.callsOnPage(box), fewer)) {
          at = tighter;
        } else {
          box.style.height = room + 'px';
          at = vb.findBreak(box);
        }
      }
    }
    var tail = null;
    if (at) {
      at = vb.atLeastSomething(box, at);
      var r = document.createRange();
      r.setStart(at.node, at.offset);
      r.setEnd(box, box.childNodes.length);
      tail = r.extractContents();
      vb.markContinuation(box, tail);
    }
    box.classList.remove('vb-meten');
    box.style.height = '';
    return tail;
  }


  function paginate() {
    var taken = vb.takeFlow();
    var flow = taken.flow;
    var container = document.createElement('div');
    container.className = 'vb-bladen';
    document.body.appendChild(container);
    var pages = [];
    while (vb.hasContent(flow)) {
      if (pages.length >= MAX_PAGES) throw new Error('the letter runs to more than ' + MAX_PAGES + ' pages');
      var page = newPage(container, pages.length);
      var tail = layOutPage(page, flow, taken.notes, pages.length + 1);
      if (tail) vb.prependJoined(flow, tail);
      pages.push(page);
    }
    return pages;
  }

  vb.paginate = paginate;
})(window.__vb = window.__vb || {});
