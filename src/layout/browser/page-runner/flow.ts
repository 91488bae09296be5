/*
 * The page runner's text flow: taken out of the body, with a shared id on every element
 * (its copies on two pages keep it), forced breaks read from the computed style and
 * each footnote replaced by its call; and the moves between the flow and a page's box,
 * which join the copies of a cut element again.
 */
import { keepColumns } from './table-columns.js';
import { BLOCKS, FORCED_BREAK, hasContent, hasContentIn, isElement, sameElement } from './dom.js';

const FORCED = new Set(['page', 'left', 'right', 'recto', 'verso', 'column']);
/* Characters moved into a page box before it is measured: a page and a bit of text.
   Less costs extra rounds when a page has room left; more costs layout time. */
const PULL_CHARS = 4000;

/* Until the runner takes the text out of the body, Chromium would lay it out as one long
   page when a frame comes due, which it does while the fonts arrive: ~20 ms of the
   example's main thread for a layout that pagination throws away, and the fonts'
   promises wait behind it. Computed styles need no layout, so the text is hidden
   until it has been taken. */
const HIDDEN_TEXT = 'vb-tekst-verborgen';

/** Hides the body's text until takeFlow; called as the runner starts, from the <head>. */
export function hideText(): void {
  if (document.getElementById(HIDDEN_TEXT)) return;
  const style = document.createElement('style');
  style.id = HIDDEN_TEXT;
  style.textContent = 'body { display: none !important; }';
  (document.head ?? document.documentElement).appendChild(style);
}

/** The footnotes of the letter by number, each taken out of the text. */
export type Notes = Record<string, HTMLElement>;

export interface TakenFlow {
  flow: DocumentFragment;
  notes: Notes;
}

/* Everything in <body> but templates and scripts is the text flow. Each element gets
   an id that its copies keep (an element cut at a page break exists on both pages),
   forced breaks are read from the computed style while the flow is still in the
   document, and each footnote is replaced by its call. */
export function takeFlow(): TakenFlow {
  const flow = document.createDocumentFragment();
  let n = 0;
  const after: Element[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (el.closest('template, script')) continue;
    el.setAttribute('data-vb-id', String(++n));
    const style = getComputedStyle(el);
    if (FORCED.has(style.breakBefore)) el.setAttribute(FORCED_BREAK, '');
    if (FORCED.has(style.breakAfter)) after.push(el);
  }
  // A forced break after an element is a forced break before whatever follows it.
  for (const el of after) {
    let next: Element | null = el;
    while (next && !next.nextElementSibling) next = next.parentElement;
    next?.nextElementSibling?.setAttribute(FORCED_BREAK, '');
  }
  const notes: Notes = {};
  document.body.querySelectorAll<HTMLElement>('.footnote[data-footnote]').forEach((span) => {
    const nr = span.getAttribute('data-footnote') ?? '';
    const call = document.createElement('a');
    call.className = 'vbfn-' + nr;
    call.setAttribute('data-footnote-call', nr);
    call.setAttribute('href', '#note-' + nr);
    // The number is CSS-generated text, which assistive technology may skip.
    call.setAttribute('aria-label', 'Voetnoot ' + nr);
    span.parentNode?.replaceChild(call, span);
    const note = document.createElement('div');
    note.className = span.className;
    note.id = 'note-' + nr;
    note.setAttribute('data-note', 'footnote');
    note.setAttribute('data-footnote', nr);
    note.setAttribute('data-footnote-marker', '');
    // Where the author wrote the note (rehype-source-marks.ts), for a warning about its text.
    const mark = span.getAttribute('data-vb-at');
    if (mark) note.setAttribute('data-vb-at', mark);
    while (span.firstChild) note.appendChild(span.firstChild);
    notes[nr] = note;
  });
  separateCalls(document.body);
  for (const node of Array.from(document.body.childNodes)) {
    if (isElement(node) && (node.tagName === 'TEMPLATE' || node.tagName === 'SCRIPT')) continue;
    flow.appendChild(node);
  }
  document.getElementById(HIDDEN_TEXT)?.remove();
  return { flow, notes };
}

/* Two calls in a row would read as one number ("¹¹²" as 112): Dutch typesetting puts a
   superscript comma between them. It is real text, so the PDF's text and its tags read
   "1,2" too; a space the author typed between two calls gives way to it. */
export function separateCalls(root: Element): void {
  for (const call of Array.from(root.querySelectorAll('[data-footnote-call]'))) {
    let prev = call.previousSibling;
    while (prev && prev.nodeType === 3 && !(prev as Text).data.trim()) prev = prev.previousSibling;
    if (!isElement(prev) || !prev.hasAttribute('data-footnote-call')) continue;
    while (call.previousSibling !== prev) call.previousSibling?.remove();
    const comma = document.createElement('span');
    comma.className = 'vb-noot-scheiding';
    comma.textContent = ',';
    call.before(comma);
  }
}

/* Appends the children of `from` to `target`, joining a leading copy of the element
   that `target` ends with (the rest of an element cut earlier) into that element. */
function appendJoined(target: Node, from: Node): void {
  const first = from.firstChild;
  if (first && target.lastChild && sameElement(first, target.lastChild)) {
    from.removeChild(first);
    appendJoined(target.lastChild, first);
  }
  while (from.firstChild) target.appendChild(from.firstChild);
}

function copyAttributes(from: Element, to: Element): void {
  for (const a of Array.from(to.attributes)) to.removeAttribute(a.name);
  for (const a of Array.from(from.attributes)) to.setAttribute(a.name, a.value);
}

/* The same at the front: the part of an element beyond a break goes back before the
   part of it that has not been moved into a page yet. */
export function prependJoined(target: Node, from: Node): void {
  const last = from.lastChild;
  // A table's columns stand first in each copy (table-columns.ts); its rows come after them.
  let first = target.firstChild;
  while (isElement(first) && first.tagName === 'COLGROUP') first = first.nextSibling;
  if (last && first && sameElement(last, first)) {
    from.removeChild(last);
    // The front part's attributes win: it is the one marked as a continuation.
    copyAttributes(last as Element, first as Element);
    prependJoined(first, last);
  }
  while (from.firstChild) target.insertBefore(from.firstChild, first);
}

type PullEnd = { before: Element } | { after: Node };

/* Where the next pull from the flow ends: after about PULL_CHARS characters, at the
   end of the block they fall in, or before the next forced break, whichever is first. */
function pullEnd(flow: DocumentFragment, pageHasContent: boolean): PullEnd | null {
  const walker = document.createTreeWalker(flow, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let chars = 0;
  let node: Node | null;
  while ((node = walker.nextNode())) {
    if (isElement(node)) {
      if (node.hasAttribute(FORCED_BREAK) && (pageHasContent || chars > 0 || hasContentBefore(flow, node))) {
        return { before: node };
      }
      continue;
    }
    chars += (node as Text).data.length;
    if (chars >= PULL_CHARS) {
      let block: Node | null = node.parentNode;
      while (block && block !== flow && !(isElement(block) && BLOCKS.test(block.tagName))) block = block.parentNode;
      if (!block || block === flow) return { after: node };
      // Not inside a table row (a list or paragraphs in a cell): a row is cut only at a page
      // break, across all its cells (row-split.ts); a pull's cut would leave it in two rows.
      const row = isElement(block) ? block.closest('tr') : null;
      if (row && flow.contains(row)) return { after: row };
      // A forced break after a block inside this one ends the pull there instead.
      return { after: block };
    }
  }
  return null;
}

function hasContentBefore(flow: DocumentFragment, el: Element): boolean {
  const r = document.createRange();
  r.setStart(flow, 0);
  r.setEndBefore(el);
  return hasContentIn(r);
}

/** Moves the next part of the flow into the page's box; false when nothing was left. */
export function pull(flow: DocumentFragment, box: HTMLElement): boolean {
  if (!flow.firstChild) return false;
  const end = pullEnd(flow, hasContent(box));
  let part: DocumentFragment;
  if (!end) {
    part = document.createDocumentFragment();
    while (flow.firstChild) part.appendChild(flow.firstChild);
  } else {
    const r = document.createRange();
    r.setStart(flow, 0);
    if ('before' in end) r.setEndBefore(end.before);
    else r.setEndAfter(end.after);
    part = r.extractContents();
    continuesAfterCut(part, flow);
    keepColumns(flow);
  }
  appendJoined(box, part);
  keepColumns(box);
  return true;
}

/* An element cut in two (at a pull's end, or at a page break) leaves its rest at the
   front of `rest`. That rest continues the element: it is not the start of a part, so
   a forced break before the element does not hold for it. Left marked, the rest of a
   bijlage would end every page whose first pull did not fill it (pullEnd stops before
   a forced break once the page has content), after a third of a page of dense text. */
export function continuesAfterCut(cut: ParentNode, rest: ParentNode): void {
  let head = cut.lastElementChild;
  let tail = rest.firstElementChild;
  while (head && tail && sameElement(head, tail)) {
    tail.removeAttribute(FORCED_BREAK);
    head = head.lastElementChild;
    tail = tail.firstElementChild;
  }
}
