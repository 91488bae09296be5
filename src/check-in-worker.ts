import type { CheckedProject, CheckProjectsOptions } from './check-projects.js';
import { checkWorkerFile, runCheckWorker } from './check-worker-thread.js';
import type { RenderedDocument } from './layout/render-document.js';
import { AssetMap, type Asset } from './model/asset-map.js';
import type { Deadline } from './pdf/deadline.js';

/** A rendered document as it crosses between threads: its assets as plain pairs. */
export type PlainDocument = Omit<RenderedDocument, 'assets'> & { assets: [string, Asset][] };

/**
 * Checks the projects in a worker thread that can be stopped at any moment: when the
 * deadline (--timeout, which covers the whole build) passes, or on SIGINT/SIGTERM,
 * the worker is terminated, even in the middle of a long parse. Without the compiled
 * worker file (tests run the TypeScript sources), the check runs in this thread.
 */
export async function checkInWorker(dirs: readonly string[], options: CheckProjectsOptions, deadline: Deadline): Promise<CheckedProject[]> {
  const file = checkWorkerFile();
  if (!file) {
    const { checkProjects } = await import('./check-projects.js');
    return checkProjects(dirs, options);
  }
  const reply = await runCheckWorker<{ projects: (Omit<CheckedProject, 'documents'> & { documents: PlainDocument[] })[] }>(
    file,
    { mode: 'projects', dirs: [...dirs], options },
    deadline,
  );
  return reply.projects.map((p) => ({ ...p, documents: p.documents.map(reviveDocument) }));
}

export function reviveDocument(doc: PlainDocument): RenderedDocument {
  return { ...doc, assets: AssetMap.fromPlain(doc.assets) };
}

export function plainDocument(doc: RenderedDocument): PlainDocument {
  return { ...doc, assets: doc.assets.toPlain() };
}
