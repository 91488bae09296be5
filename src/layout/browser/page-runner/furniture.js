/*
 * After the last page: the page furniture with "Pagina X van Y" per part, and ids and
 * landmarks tidied.
 */
(function (vb) {
  'use strict';

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

  vb.placeFurniture = placeFurniture;
  vb.tidy = tidy;
})(window.__vb = window.__vb || {});
