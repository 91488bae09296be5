/*
 * Page numbers that are known only after pagination: those of a contents list
 * ("Inhoud") and of cross-references ("op pagina 12"). Each placeholder names the id it
 * stands for (data-vb-pagina-van); the number is the one printed on the page where that
 * element now stands, counted within its part of the document, as "Pagina X van Y" is.
 */
(function (vb) {
  'use strict';

  function deelOf(page) {
    var el = page.element.querySelector('[data-vb-deel]');
    return el ? el.getAttribute('data-vb-deel') : 'pagina';
  }

  /* The printed number of every page, by page element. */
  function printedNumbers(pages) {
    var seen = {};
    return pages.map(function (page) {
      var deel = deelOf(page);
      seen[deel] = (seen[deel] || 0) + 1;
      return seen[deel];
    });
  }

  /* Fills in every placeholder. Returns the placeholders in running text whose number
     has more digits than the text was laid out with, as { id: digits }, or null when
     all fit: contents lists have a fixed-width box, running text does not. */
  function fillPageNumbers(pages) {
    var numbers = printedNumbers(pages);
    var index = new Map();
    pages.forEach(function (page, i) { index.set(page.element, numbers[i]); });
    var wrong = null;
    document.querySelectorAll('[data-vb-pagina-van]').forEach(function (el) {
      var target = document.getElementById(el.getAttribute('data-vb-pagina-van'));
      var sheet = target && target.closest('.vb-blad');
      var n = sheet ? index.get(sheet) : undefined;
      if (n === undefined) return;
      var text = String(n);
      if (el.classList.contains('vb-paginaverwijzing') && el.textContent.length !== text.length) {
        wrong = wrong || {};
        wrong[el.getAttribute('data-vb-pagina-van')] = text.length;
      }
      el.textContent = text;
    });
    return wrong;
  }

  /* Before a second pagination: placeholders with as many digits as their numbers. */
  function sizePlaceholders(root, digits) {
    root.querySelectorAll('.vb-paginaverwijzing[data-vb-pagina-van]').forEach(function (el) {
      var d = digits[el.getAttribute('data-vb-pagina-van')];
      if (d) el.textContent = new Array(d + 1).join('0');
    });
  }

  /* The body as it was before pagination, to paginate again. */
  function snapshot() {
    return Array.prototype.filter.call(document.body.childNodes, function (n) {
      return !(n.nodeType === 1 && (n.tagName === 'TEMPLATE' || n.tagName === 'SCRIPT'));
    }).map(function (n) { return n.cloneNode(true); });
  }

  function restore(nodes) {
    Array.prototype.slice.call(document.body.childNodes).forEach(function (n) {
      if (!(n.nodeType === 1 && (n.tagName === 'TEMPLATE' || n.tagName === 'SCRIPT'))) document.body.removeChild(n);
    });
    nodes.forEach(function (n) { document.body.appendChild(n); });
  }

  /* Paginates, fills in the page numbers, and paginates again (at most twice) when a
     number in running text needed more digits than it was laid out with. */
  function paginateWithPageNumbers() {
    var needed = document.querySelector('.vb-paginaverwijzing');
    var before = needed ? snapshot() : null;
    var pages = vb.paginate();
    var wrong = fillPageNumbers(pages);
    var sizes = {};
    for (var round = 0; wrong && before && round < 2; round++) {
      Object.keys(wrong).forEach(function (id) { sizes[id] = wrong[id]; });
      restore(before.map(function (n) { return n.cloneNode(true); }));
      sizePlaceholders(document.body, sizes);
      vb.warnings.length = 0;
      pages = vb.paginate();
      wrong = fillPageNumbers(pages);
    }
    return pages;
  }

  vb.paginateWithPageNumbers = paginateWithPageNumbers;
})(window.__vb = window.__vb || {});
