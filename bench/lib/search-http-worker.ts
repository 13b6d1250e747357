import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { runSequence } from './search-runner.js';

/**
 * Closed-loop sequences of GET requests, run in a worker thread so the client does not share the
 * api's event loop: the worker answers each message (a SearchHttpPass) with a SequenceResult, over
 * keep-alive connections (one per client).
 */
export interface SearchHttpWorkerData {
  baseUrl: string;
}

export interface SearchHttpPass {
  clients: number;
  /** Request i: a path with its query string and the bearer token to send. */
  requests: { path: string; token: string }[];
}

const base = new URL((workerData as SearchHttpWorkerData).baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });

function get(path: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path,
        method: 'GET',
        agent,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode === 200) resolve();
          else
            reject(
              new Error(
                `HTTP ${res.statusCode} ${path}: ${Buffer.concat(chunks).toString().slice(0, 300)}`,
              ),
            );
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

parentPort?.on('message', (pass: SearchHttpPass | 'close') => {
  if (pass === 'close') {
    agent.destroy();
    parentPort?.close();
    return;
  }
  void runSequence(pass.requests.length, pass.clients, (i) => {
    const r = pass.requests[i];
    if (!r) throw new Error(`no request ${i}`);
    return get(r.path, r.token);
  }).then((result) => parentPort?.postMessage(result));
});
