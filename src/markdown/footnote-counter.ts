/**
 * Numbers footnotes straight through the letter and its bijlagen, in the order
 * they are called, across all Markdown files of one document.
 */
export class FootnoteCounter {
  private n = 0;
  next(): number {
    return ++this.n;
  }
  get count(): number {
    return this.n;
  }
}
