import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@vigil/domain';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { VersionPdfInput } from './document-pdf.js';
import type { RenderResult, RenderTask } from './render-tasks.js';
import type { RenderJob } from './render-worker.js';
import type { WordDiffPart } from './word-diff.js';

/** The loader the app runs TypeScript with (package.json scripts): workers need it too. */
const TS_LOADER = '@swc-node/register/esm-register';
/** How much heap one render worker may use; past it the worker stops and the work is refused. */
const WORKER_HEAP_MB = 1024;
/**
 * A thread left idle this long ends; the next task starts one again, which costs about a second
 * (the worker loads and compiles the renderers), so threads are kept for a while.
 */
const IDLE_MS = 10 * 60_000;
/** Time for a thread to start (load the renderers) on top of the wait a task may have for one. */
const START_ALLOWANCE_MS = 10_000;

/** The pool's size: RENDER_THREADS, else the cores less one (the main thread's), 1 to 4. */
export function renderThreads(config: Pick<AppConfig, 'RENDER_THREADS'>): number {
  return config.RENDER_THREADS ?? Math.min(4, Math.max(1, availableParallelism() - 1));
}

type Work = 'diff' | 'pdf';

const WORDS: Record<Work, { doing: string; budget: string }> = {
  diff: {
    doing: 'Comparing these versions',
    budget: 'compare versions closer together, or shorter ones',
  },
  pdf: {
    doing: 'Laying out this version as a PDF',
    budget: 'a shorter version lays out faster',
  },
};

/**
 * Diffs and PDFs in a pool of worker threads (piscina), so that a long one never holds the
 * thread every other request needs (issue 15). Each task has a size budget, checked before it is
 * queued (RENDER_MAX_CHARS: 413), and a time budget counted from the moment a thread starts it
 * (RENDER_TIME_BUDGET_MS: the thread is stopped and the answer is 422); a task still waiting for
 * a thread after that time (and 10 s more), or one finding RENDER_QUEUE_MAX others waiting, is 503. Workers
 * load TypeScript through the app's own loader when the app runs from source.
 */
@Injectable()
export class RenderPool implements OnModuleDestroy {
  private readonly logger = new Logger('RenderPool');
  private readonly pool: Piscina<RenderJob, RenderResult>;
  private readonly threads: number;
  /** Tasks handed to the pool and not yet finished (running, or waiting for a thread). */
  private outstanding = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const here = fileURLToPath(import.meta.url);
    const extension = extname(here);
    this.threads = renderThreads(config);
    // The queue's length is kept here: piscina does not count tasks that carry an abort signal
    // against its maxQueue.
    this.pool = new Piscina<RenderJob, RenderResult>({
      filename: join(dirname(here), `render-worker${extension}`),
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: IDLE_MS,
      concurrentTasksPerWorker: 1,
      execArgv: extension === '.ts' ? ['--import', TS_LOADER] : [],
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
  }

  /** A word diff of two texts (see wordDiff). */
  async diff(before: string, after: string): Promise<WordDiffPart[]> {
    const chars = before.length + after.length;
    if (chars > this.config.RENDER_MAX_CHARS) {
      throw new DomainError(
        'payload_too_large',
        `These versions are too long to compare: ${chars.toLocaleString('en')} characters together, at most ${this.config.RENDER_MAX_CHARS.toLocaleString('en')}.`,
        { characters: chars, maxCharacters: this.config.RENDER_MAX_CHARS },
      );
    }
    const result = await this.run('diff', { kind: 'diff', before, after });
    if (result.kind !== 'diff') throw new Error('the render worker answered another task');
    return result.parts;
  }

  /** A version's PDF (see renderVersionPdf). */
  async pdf(input: VersionPdfInput): Promise<Buffer> {
    const chars = input.html.length;
    if (chars > this.config.RENDER_MAX_CHARS) {
      throw new DomainError(
        'payload_too_large',
        `This version is too long to lay out as a PDF: ${chars.toLocaleString('en')} characters of HTML, at most ${this.config.RENDER_MAX_CHARS.toLocaleString('en')}.`,
        { characters: chars, maxCharacters: this.config.RENDER_MAX_CHARS },
      );
    }
    const result = await this.run('pdf', { kind: 'pdf', input });
    if (result.kind !== 'pdf') throw new Error('the render worker answered another task');
    return Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.byteLength);
  }

  /** Stops the threads with the app (Nest calls this on close). */
  /** Tasks the worker threads have finished since start (never run on the request thread). */
  get completed(): number {
    return this.pool.completed;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }

  private async run(work: Work, task: RenderTask): Promise<Extract<RenderResult, { ok: true }>> {
    if (this.outstanding >= this.threads + this.config.RENDER_QUEUE_MAX) {
      throw this.refusal(work, new Error('queue is at limit'), false, 0);
    }
    const budget = this.config.RENDER_TIME_BUDGET_MS;
    const abort = new AbortController();
    const channel = new MessageChannel();
    let started = false;
    let timer = setTimeout(() => abort.abort('queued'), budget + START_ALLOWANCE_MS);
    channel.port1.once('message', () => {
      started = true;
      clearTimeout(timer);
      timer = setTimeout(() => abort.abort('budget'), budget);
    });
    channel.port1.unref();
    const startedAt = Date.now();
    this.outstanding += 1;
    try {
      const result = await this.pool.run(
        { task, started: channel.port2 },
        { signal: abort.signal, transferList: [channel.port2] },
      );
      if (!result.ok) throw new DomainError(result.code, result.message);
      return result;
    } catch (error) {
      throw this.refusal(work, error, started, Date.now() - startedAt);
    } finally {
      this.outstanding -= 1;
      clearTimeout(timer);
      channel.port1.close();
    }
  }

  /** Why a task did not produce its answer, in the API's words. */
  private refusal(work: Work, error: unknown, started: boolean, ms: number): unknown {
    if (error instanceof DomainError) return error;
    const seconds = Math.round(this.config.RENDER_TIME_BUDGET_MS / 100) / 10;
    const name = error instanceof Error ? error.name : '';
    const message = error instanceof Error ? error.message : String(error);
    if (name === 'AbortError' && started) {
      this.logger.warn({ msg: 'render over its time budget', work, ms });
      return new DomainError(
        'too_complex',
        `${WORDS[work].doing} took longer than the ${seconds} s allowed; ${WORDS[work].budget}.`,
        { timeBudgetSeconds: seconds },
      );
    }
    if (name === 'AbortError' || /queue is at limit/.test(message)) {
      this.logger.warn({ msg: 'render refused: every thread busy', work, ms });
      return new DomainError(
        'server_busy',
        'The server is busy producing other diffs and PDFs; try again in a few seconds.',
        { retryAfterSeconds: 5 },
      );
    }
    if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      this.logger.warn({ msg: 'render out of memory', work, ms });
      return new DomainError(
        'too_complex',
        `${WORDS[work].doing} needed more memory than allowed; ${WORDS[work].budget}.`,
      );
    }
    return error;
  }
}
