import { errorProblem } from '../../core/problems.ts';
import { isGlobTarget } from '../../core/catalog/glob-target.ts';
import type { CatalogSource, SourceFile, SourceReadout } from '../../core/ports.ts';
import type { StoredFile } from '../../core/sync/catalog-write-records.ts';
import { applyParsedFile, removeFile } from './apply-file.ts';
import { createReadContext } from './create-read-context.ts';
import type { PlainParseWorker } from './parse-worker/plain-parse-worker.ts';
import { plainFileResult } from './plain-file-claims.ts';
import type { EntityClaim } from './parsed-file-result.ts';
import type { PrefetchedFiles } from './prefetch-source-reads.ts';
import { loadSourceFile, parseLoadedFile, type FileReadResult, type LoadedFile, type ReadContext } from './read-source-file.ts';
import type { SyncPass } from './sync-pass.ts';
import { cannotExpandGlob, resolveLocationTargets, type StoredTarget } from './resolve-location-targets.ts';

/** A target with the file that named it, for problems reported on that file. */
type FollowedTarget = StoredTarget & { fromFileId: number; fromDisplayPath: string };

interface QueuedFile {
  path: string;
  /** The hash the source listed, for files matched by a pattern. */
  hash?: string;
  /** The Location that pointed here, when the file was not matched by a pattern. */
  via?: FollowedTarget;
}

/**
 * A glob target waiting in the queue at the place its Location put it: expanded when the walk reaches
 * it, so the files it matches are read in the same order however the queue was split into batches.
 */
interface QueuedGlob {
  glob: FollowedTarget;
}

type QueueEntry = QueuedFile | QueuedGlob;

/** Listed files the catalog does not hold as they are now: what a pass will parse (the rest is reused). */
const countChanged = (listed: readonly SourceFile[], stored: Map<string, StoredFile>): number => {
  let changed = 0;
  for (const file of listed) if (stored.get(file.path)?.hash !== file.hash) changed += 1;
  return changed;
};

/** How many files are read and parsed concurrently before their results are written in order. */
const BATCH_SIZE = 128;
/**
 * Batches being read and parsed while one is written: the writes are synchronous, so a batch that
 * is only started when the previous one is written would leave the parse worker idle meanwhile.
 */
const BATCHES_AHEAD = 3;
/**
 * Writing is synchronous, and file contents arrive through a pipe that holds ~64 KB (about 50 files):
 * a walk that wrote a whole batch before letting the event loop in would read at most that much per
 * batch, and leave the reads (and the parse worker after them) waiting. Yields this often instead.
 */
const FILES_BETWEEN_YIELDS = 16;

/**
 * Promise.all that lets every read end before it rejects: a failure ends the walk and closes the source,
 * which must not happen under the other reads of the batch.
 */
const settleAll = async <T>(promises: readonly (T | Promise<T>)[]): Promise<T[]> => {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
};

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

type LoadResult = Awaited<ReturnType<typeof loadSourceFile>>;

interface Batch {
  items: QueuedFile[];
  results: Promise<FileReadResult[]>;
}

/**
 * Walks one opened source: every file its patterns match, plus everything Location entities point at
 * (each file read once however it is reached), then removes the files no longer reached.
 */
export class SourceWalk {
  private readonly queue: QueueEntry[];
  private readonly visited = new Set<string>();
  private head = 0;
  /** The files the glob last reached matches, read before the rest of the queue. */
  private globMatches: QueuedFile[] = [];
  private globMatchesHead = 0;
  private readonly context: ReadContext;
  private readonly parseWorker: PlainParseWorker | undefined;
  filesRead = 0;
  filesRemoved = 0;

  private readonly sourceId: string;
  private readonly sourceType: string;

  /** @param prefetched files a network source read and parsed before the pass took the write lock. */
  constructor(
    private readonly pass: SyncPass,
    source: CatalogSource,
    private readonly readout: SourceReadout,
    listed: SourceFile[],
    private readonly stored: Map<string, StoredFile>,
    private readonly prefetched: PrefetchedFiles = new Map(),
  ) {
    this.sourceId = source.id;
    this.sourceType = source.type;
    // The listing itself is the start of the queue: no copy of 100k entries.
    this.queue = listed;
    this.context = createReadContext(pass.deps, source, readout, listed);
    this.parseWorker = pass.parseWorkerFor(countChanged(listed, stored));
  }

  async run(): Promise<void> {
    this.pass.deps.writer.clearSourceProblems(this.sourceId, 'target');
    // Reading and parsing the next batches overlaps with writing the current one; results are still
    // applied in queue order, which decides who keeps a conflicting ref.
    const inflight: Batch[] = [];
    try {
      await this.fill(inflight);
      for (let batch = inflight.shift(); batch; batch = inflight.shift()) {
        const results = await batch.results;
        await this.fill(inflight);
        for (let index = 0; index < batch.items.length; index += 1) {
          this.apply(batch.items[index]!, results[index]!);
          if ((index + 1) % FILES_BETWEEN_YIELDS === 0) await yieldToEventLoop();
        }
        // Location targets queued just now start a batch of their own when nothing else is left.
        await this.fill(inflight);
        await yieldToEventLoop();
      }
    } catch (error) {
      // Reads already started must end before the caller closes the readout under them.
      await Promise.allSettled(inflight.map((batch) => batch.results));
      throw error;
    }
    this.removeUnreached();
  }

  /** Keeps BATCHES_AHEAD batches going, expanding glob targets as the queue reaches them. */
  private async fill(inflight: Batch[]): Promise<void> {
    while (inflight.length < BATCHES_AHEAD) {
      const batch = this.startBatch();
      if (batch) {
        inflight.push(batch);
        continue;
      }
      const entry = this.queue[this.head];
      if (!entry || !('glob' in entry)) return;
      this.head += 1;
      this.globMatches = await this.expandGlob(entry.glob);
      this.globMatchesHead = 0;
    }
  }

  /** The next files not yet visited, up to the next glob target (undefined when there are none). */
  private startBatch(): Batch | undefined {
    const items: QueuedFile[] = [];
    const take = (item: QueuedFile): void => {
      if (this.visited.has(item.path)) return;
      this.visited.add(item.path);
      items.push(item);
    };
    for (; this.globMatchesHead < this.globMatches.length && items.length < BATCH_SIZE; this.globMatchesHead += 1)
      take(this.globMatches[this.globMatchesHead]!);
    for (; this.head < this.queue.length && items.length < BATCH_SIZE; this.head += 1) {
      const entry = this.queue[this.head]!;
      if ('glob' in entry) break;
      take(entry);
    }
    if (items.length === 0) return undefined;
    const results = this.readBatch(items);
    // A batch read ahead can fail after an earlier failure already ended the walk; only the first is news.
    results.catch(() => undefined);
    return { items, results };
  }

  /** Reads a batch, then parses what changed: plain files on the worker when there is one, the rest here. */
  private async readBatch(items: QueuedFile[]): Promise<FileReadResult[]> {
    const read = await settleAll(items.map((item) => loadSourceFile(item.path, item.hash, this.stored.get(item.path), this.context)));
    const loads = read.map((load, index) => this.takePrefetched(items[index]!.path, load));
    const fromWorker = await this.parseOnWorker(items, loads);
    return settleAll(
      loads.map((load, index): FileReadResult | Promise<FileReadResult> => {
        if (load.kind !== 'loaded') return load;
        const claims = fromWorker.get(index);
        if (claims) return { kind: 'parsed', hash: load.content.hash, parsed: plainFileResult(claims), placeholderDeps: [] };
        return parseLoadedFile(items[index]!.path, load.content, this.context);
      }),
    );
  }

  /** The result parsed before the lock, when the content read now is the content parsed then. */
  private takePrefetched(path: string, load: LoadResult): LoadResult | FileReadResult {
    const early = load.kind === 'loaded' ? this.prefetched.get(path) : undefined;
    if (!early || early.hash !== (load as LoadedFile).content.hash) return load;
    this.prefetched.delete(path);
    return early;
  }

  /** Claims the worker found, by position in the batch (none without a worker). */
  private async parseOnWorker(items: QueuedFile[], loads: (LoadResult | FileReadResult)[]): Promise<Map<number, EntityClaim[] | undefined>> {
    const positions = new Map<number, EntityClaim[] | undefined>();
    if (!this.parseWorker) return positions;
    const indexes = loads.flatMap((load, index) => (load.kind === 'loaded' ? [index] : []));
    if (indexes.length === 0) return positions;
    const files = indexes.map((index) => ({ content: (loads[index] as LoadedFile).content.content, origin: this.context.originOf(items[index]!.path) }));
    const claims = await this.parseWorker.parse(files);
    indexes.forEach((index, position) => positions.set(index, claims[position]));
    return positions;
  }

  private apply(item: QueuedFile, result: FileReadResult): void {
    if (result.kind === 'unchanged') return this.followStored(item.path, result.stored);
    if (result.kind === 'missing') return this.reportMissing(item);
    if (result.kind === 'unreadable') return this.keepUnreadable(item, result.message);
    this.filesRead += 1;
    const displayPath = this.readout.displayPath(item.path);
    const { targets, problems } = resolveLocationTargets(this.readout, this.sourceType, item.path, result.parsed.locationTargets, displayPath);
    const parsed = { ...result.parsed, problems: [...result.parsed.problems, ...problems] };
    const fileId = this.pass.deps.writer.upsertFile(this.sourceId, {
      path: item.path,
      displayPath,
      hash: result.hash,
      status: result.parsed.transient ? 'retry' : 'ok',
      targets,
      placeholderDeps: result.placeholderDeps,
    });
    const identity = { sourceId: this.sourceId, fileId, displayPath, isNew: !this.stored.has(item.path) };
    const waiting = applyParsedFile(this.pass, identity, parsed);
    if (waiting) this.pass.deps.writer.setFileStatus(fileId, 'retry');
    this.follow(fileId, displayPath, targets);
  }

  private follow(fromFileId: number, fromDisplayPath: string, targets: StoredTarget[]): void {
    for (const target of targets) {
      // Decided by the path, not by a flag: targets stored before globs were expanded are globs too.
      if (isGlobTarget(target.path)) this.queue.push({ glob: { ...target, fromFileId, fromDisplayPath } });
      // Already read through a pattern: nothing to queue (a Location listing every file costs no memory).
      else if (!this.visited.has(target.path)) this.queue.push({ path: target.path, via: { ...target, fromFileId, fromDisplayPath } });
    }
  }

  /** The files a glob target matches now; a required glob that matches nothing is an error. */
  private async expandGlob(glob: FollowedTarget): Promise<QueuedFile[]> {
    if (!this.readout.findFiles) {
      this.reportOnLocation(glob, cannotExpandGlob(glob.path, this.sourceType));
      return [];
    }
    const matches = await this.readout.findFiles(glob.path);
    if (matches.length === 0 && glob.presence === 'required')
      this.reportOnLocation(glob, `Location target ${this.readout.displayPath(glob.path)} matches no files`);
    return matches.map((path) => ({ path, via: { ...glob, path } }));
  }

  /** An error on the line of the Location that named `target`, kept with that file's other target problems. */
  private reportOnLocation(target: FollowedTarget, message: string): void {
    const problem = errorProblem(message, { file: target.fromDisplayPath, line: target.line, column: target.column, entityRef: target.entityRef });
    this.pass.deps.writer.addProblem(this.sourceId, target.fromFileId, target.fromDisplayPath, problem, 'target');
  }

  private followStored(path: string, stored: StoredFile): void {
    const targets = JSON.parse(stored.targets) as StoredTarget[];
    if (targets.length > 0) this.follow(stored.id, this.readout.displayPath(path), targets);
  }

  /** A file gone from the source takes its entities with it; a required Location target that is gone is an error. */
  private reportMissing(item: QueuedFile): void {
    const stored = this.stored.get(item.path);
    if (stored) {
      removeFile(this.pass, stored.id);
      this.stored.delete(item.path);
      this.filesRemoved += 1;
    }
    if (item.via?.presence === 'required') this.reportOnLocation(item.via, `Location target ${this.readout.displayPath(item.path)} does not exist`);
  }

  /** A file that exists but could not be read this time keeps its entities and is retried next pass. */
  private keepUnreadable(item: QueuedFile, message: string): void {
    const stored = this.stored.get(item.path);
    const displayPath = this.readout.displayPath(item.path);
    if (stored) this.pass.deps.writer.setFileStatus(stored.id, 'retry');
    const problem = errorProblem(`could not read ${displayPath}: ${message}; its entities are kept as they were`, { file: displayPath });
    this.pass.deps.writer.addProblem(this.sourceId, stored?.id ?? null, displayPath, problem, 'target');
    if (stored) this.followStored(item.path, stored);
  }

  private removeUnreached(): void {
    for (const [path, file] of this.stored) {
      if (this.visited.has(path)) continue;
      removeFile(this.pass, file.id);
      this.filesRemoved += 1;
    }
  }
}
