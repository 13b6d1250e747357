import { JwtService } from '@nestjs/jwt';
import argon2 from 'argon2';
import type pg from 'pg';

/** One case of the realtime benchmark and the analysts who work it (its members). */
export interface SeededCase {
  caseId: string;
  /** Access tokens of its members, the first being the case's lead (who opened it). */
  tokens: string[];
}

/**
 * Users and cases for bench/realtime: `cases × perCase` analysts, each a member of one case,
 * so every case has `perCase` distinct Office users who may read it, and may comment and review.
 * The first of each group opens the case through the api (it becomes the lead analyst).
 */
export async function seedRealtime(
  pool: pg.Pool,
  baseUrl: string,
  jwtSecret: string,
  cases: number,
  perCase: number,
): Promise<SeededCase[]> {
  // One argon2 hash for everyone: nobody signs in, tokens are signed below with the api's secret.
  const hash = await argon2.hash('bench horse battery staple', { type: argon2.argon2id });
  const org = await pool.query<{ id: string }>(
    `INSERT INTO organisations (name, acronym, kind) VALUES ('Benchmark Office', 'BENCH', 'office') RETURNING id`,
  );
  const orgId = org.rows[0]?.id;
  const emails = Array.from({ length: cases * perCase }, (_, i) => `rt-analyst${i}@bench.vigil`);
  const inserted = await pool.query<{ id: string; email: string }>(
    `INSERT INTO users (email, display_name, password_hash, roles, clearance, organisation_id)
     SELECT e, split_part(e, '@', 1), $2, ARRAY['analyst'], 'strictly_confidential', $3
       FROM unnest($1::text[]) AS e
     RETURNING id, email`,
    [emails, hash, orgId],
  );
  const idOf = new Map(inserted.rows.map((r) => [r.email, r.id]));
  const ids = emails.map((e) => idOf.get(e) ?? '');
  const jwt = new JwtService({
    secret: jwtSecret,
    signOptions: { algorithm: 'HS256', expiresIn: 3600 },
  });
  // An access token names its session (sign-in): one session each, as if they had signed in.
  const sessions = await pool.query<{ id: string; user_id: string }>(
    `INSERT INTO auth_sessions (id, user_id, expires_at)
     SELECT gen_random_uuid(), u, now() + interval '12 hours' FROM unnest($1::uuid[]) AS u
     RETURNING id, user_id`,
    [ids],
  );
  const sessionOf = new Map(sessions.rows.map((r) => [r.user_id, r.id]));
  const tokens = await Promise.all(
    ids.map((sub) => jwt.signAsync({ sub, typ: 'access', sid: sessionOf.get(sub) })),
  );

  const seeded: SeededCase[] = [];
  for (let c = 0; c < cases; c += 1) {
    const members = Array.from({ length: perCase }, (_, k) => c * perCase + k);
    const leadToken = tokens[members[0] ?? 0] ?? '';
    const res = await fetch(`${baseUrl}/api/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${leadToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: `Realtime benchmark situation ${c}`,
        country: 'KEN',
        summary: 'Realtime benchmark case.',
      }),
    });
    const body = (await res.json()) as { id?: unknown };
    if (res.status !== 201 || typeof body.id !== 'string')
      throw new Error(`create case: ${res.status} ${JSON.stringify(body)}`);
    const caseId = body.id;
    const others = members.slice(1).map((k) => ids[k] ?? '');
    await pool.query(
      `INSERT INTO case_members (case_id, user_id, role, added_by)
       SELECT $1, u, 'analyst', $3 FROM unnest($2::uuid[]) AS u`,
      [caseId, others, ids[members[0] ?? 0]],
    );
    seeded.push({ caseId, tokens: members.map((k) => tokens[k] ?? '') });
  }
  return seeded;
}
