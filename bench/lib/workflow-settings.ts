import { wrkAvailable } from './wrk-load.js';

/** Settings of bench/workflow shared by its run, sampling and report. */
export const CLIENT_COUNTS = [1, 4, 16] as const;
export const WARMUP_MS = 1_000;
export const DURATION_MS = 5_000;
export const POOL_SIZE = 20;
export const CASES = 32; // two per client at 16 clients: no two clients share a case row
export const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-0'; // 40 characters
export const AUDIT_CHAIN_LOCK = 7_316_001; // the key audit_append takes (migration AuditAppend)
export const TARGET_RATIO = 0.5;
export const TARGET_P95_MS = 50;
/** wrk (a separate C process) drives the api when installed; otherwise fetch from a worker thread. */
export const USE_WRK = wrkAvailable();
