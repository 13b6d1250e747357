import { randomUUID } from 'node:crypto';
import type { Role } from '@vigil/domain';
import { sessionFor, type Session, type TestApi } from '../support/api.js';
import { openCase, startWorkflowApi } from '../support/cases.js';
import {
  comment,
  COMMENT_KEYS,
  type CommentBody,
  notificationsOf,
  postComment,
  readThread,
  setPriority,
  writtenFor,
} from '../support/comments.js';
import { buildUser, closeTestPool, testPool, type BuiltUser } from '../support/factories.js';
import { expectError } from '../support/http.js';

let api: TestApi;
let analyst: Session;
let adviser: Session;
let admin: Session;
let ft: Session;
/** An analyst who neither leads nor is a member: classified cases are need to know. */
let outsider: Session;

beforeAll(async () => {
  ({ api, analyst, adviser, admin, ft } = await startWorkflowApi());
  outsider = await sessionFor(api, { roles: ['analyst'], clearance: 'strictly_confidential' });
});

afterAll(async () => {
  await api.close();
  await closeTestPool();
});

const http = () => api.http();

/** A confidential case led by `analyst`, shared with the Framework Team unless told otherwise. */
async function situation(shared = true, classification = 'confidential') {
  const c = await openCase(api, analyst, { classification });
  if (shared) await setPriority(api, adviser, c.id, true);
  return c;
}

async function status(session: Session, caseId: string, thread: string): Promise<number> {
  return (await readThread(api, session, caseId, { thread })).status;
}

async function items(session: Session, caseId: string, thread: string): Promise<CommentBody[]> {
  const res = await readThread(api, session, caseId, { thread });
  expect(res.status).toBe(200);
  return (res.body as { items: CommentBody[] }).items;
}

describe('who reads and writes each thread', () => {
  it('the internal thread is Office staff who read the case; everyone else gets 404', async () => {
    const c = await situation();
    await comment(api, analyst, c.id, { thread: 'internal', body: 'Office only' });
    expect(await status(analyst, c.id, 'internal')).toBe(200);
    expect(await status(adviser, c.id, 'internal')).toBe(200);
    // Hidden means absent: the Framework Team, an analyst without need to know, an admin.
    for (const s of [ft, outsider, admin]) {
      expectError(await readThread(api, s, c.id, { thread: 'internal' }), 404);
      expectError(await postComment(api, s, c.id, { thread: 'internal', body: 'x' }), 404);
    }
    expect((await http().get(`/api/cases/${c.id}/comments?thread=internal`)).status).toBe(401);
  });

  it('the Framework Team thread adds the Framework Team, only while the case is shared', async () => {
    const c = await situation(false);
    expectError(await readThread(api, ft, c.id, { thread: 'framework_team' }), 404);
    await setPriority(api, adviser, c.id, true);

    const fromFt = await comment(api, ft, c.id, { thread: 'framework_team', body: 'From OHCHR' });
    const fromAdviser = await comment(api, adviser, c.id, {
      thread: 'framework_team',
      body: 'Thanks',
      parentId: fromFt.id,
    });
    for (const s of [analyst, adviser, ft])
      expect((await items(s, c.id, 'framework_team')).map((x) => x.id)).toEqual([
        fromFt.id,
        fromAdviser.id,
      ]);
    for (const s of [outsider, admin]) expect(await status(s, c.id, 'framework_team')).toBe(404);

    // A Framework Team member cleared below the case sees nothing.
    const lowFt = await sessionFor(api, { roles: ['framework_team'], clearance: 'unclassified' });
    expect(await status(lowFt, c.id, 'framework_team')).toBe(404);

    await setPriority(api, adviser, c.id, false);
    expect(await status(ft, c.id, 'framework_team')).toBe(404);
    expect(await status(analyst, c.id, 'framework_team')).toBe(200);
  });

  it('an unclassified case is open to every analyst', async () => {
    const c = await situation(false, 'unclassified');
    expect(await status(outsider, c.id, 'internal')).toBe(200);
    await comment(api, outsider, c.id, {
      thread: 'internal',
      body: 'Seen from the desk next door',
    });
  });

  it('an unknown case id is 404, a malformed one 400', async () => {
    expectError(await readThread(api, analyst, randomUUID(), { thread: 'internal' }), 404);
    expectError(
      await readThread(api, analyst, 'not-a-uuid', { thread: 'internal' }),
      400,
      /in the address must be a UUID/,
    );
  });
});

describe('a comment', () => {
  it('answers 201 with exactly the documented keys; the thread reads oldest first in pages', async () => {
    const c = await situation();
    const first = await comment(api, analyst, c.id, { thread: 'internal', body: 'One *two*' });
    expect(Object.keys(first).sort()).toEqual(COMMENT_KEYS);
    expect(first).toMatchObject({
      caseId: c.id,
      thread: 'internal',
      parentId: null,
      author: {
        id: analyst.user.id,
        displayName: analyst.user.displayName,
        organisationAcronym: expect.any(String),
      },
      body: 'One *two*',
      bodyHtml: '<p>One <em>two</em></p>',
      mentions: [],
      editedAt: null,
      deletedAt: null,
      deleted: false,
    });
    const more = [];
    for (const body of ['b', 'c', 'd', 'e'])
      more.push(await comment(api, adviser, c.id, { thread: 'internal', body }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { thread: 'internal', limit: '2' };
      if (cursor) query.cursor = cursor;
      const res = await readThread(api, analyst, c.id, query);
      expect(res.status).toBe(200);
      const page = res.body as { items: CommentBody[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([first.id, ...more.map((x) => x.id)]);
    // The other thread is separate.
    expect(await items(analyst, c.id, 'framework_team')).toEqual([]);
  });

  it('replies answer a live top-level comment of the same case and thread', async () => {
    const c = await situation();
    const other = await situation();
    const top = await comment(api, analyst, c.id, { thread: 'internal', body: 'Top' });
    const reply = await comment(api, adviser, c.id, {
      thread: 'internal',
      body: 'Reply',
      parentId: top.id,
    });
    expect(reply.parentId).toBe(top.id);
    const ftTop = await comment(api, ft, c.id, { thread: 'framework_team', body: 'FT' });
    const elsewhere = await comment(api, analyst, other.id, { thread: 'internal', body: 'x' });
    const before = await writtenFor(c.id);
    const refused = async (parentId: string, message: RegExp) =>
      expectError(
        await postComment(api, analyst, c.id, { thread: 'internal', body: 'r', parentId }),
        400,
        message,
      );
    await refused(reply.id, /one level deep/);
    await refused(ftTop.id, /internal thread of this case/);
    await refused(elsewhere.id, /internal thread of this case/);
    await refused(randomUUID(), /internal thread of this case/);
    expectError(
      await postComment(api, analyst, c.id, { thread: 'internal', body: 'r', parentId: 'x' }),
      400,
    );
    const gone = await comment(api, analyst, c.id, { thread: 'internal', body: 'soon gone' });
    expect((await http().delete(`/api/comments/${gone.id}`).set(analyst.auth())).status).toBe(200);
    await refused(gone.id, /deleted/);
    const after = await writtenFor(c.id);
    expect(after?.comments).toBe((before?.comments ?? 0) + 1);
  });

  it('edit: the author only, marked edited; 409 once deleted; hidden threads 404', async () => {
    const c = await situation();
    const mine = await comment(api, analyst, c.id, { thread: 'internal', body: 'Draft' });
    const edited = await http()
      .patch(`/api/comments/${mine.id}`)
      .set(analyst.auth())
      .send({ body: 'Final **text**' });
    expect(edited.status).toBe(200);
    const body = edited.body as CommentBody;
    expect(body).toMatchObject({
      body: 'Final **text**',
      bodyHtml: '<p>Final <strong>text</strong></p>',
    });
    expect(body.editedAt).not.toBeNull();
    expect((await items(adviser, c.id, 'internal'))[0]?.editedAt).toBe(body.editedAt);

    const patch = (s: Session, id: string) =>
      http().patch(`/api/comments/${id}`).set(s.auth()).send({ body: 'Hijack' });
    expectError(await patch(adviser, mine.id), 403, /author/);
    expectError(await patch(ft, mine.id), 404);
    expectError(await patch(admin, mine.id), 404);
    expectError(await patch(analyst, randomUUID()), 404);
    expectError(await http().delete(`/api/comments/${mine.id}`).set(adviser.auth()), 403);
    expectError(await http().delete(`/api/comments/${mine.id}`).set(ft.auth()), 404);

    expect((await http().delete(`/api/comments/${mine.id}`).set(analyst.auth())).status).toBe(200);
    expectError(await patch(analyst, mine.id), 409);
    expectError(await http().delete(`/api/comments/${mine.id}`).set(analyst.auth()), 409);
  });

  it('delete keeps "deleted" in place with no text; its replies stay', async () => {
    const c = await situation();
    const top = await comment(api, adviser, c.id, {
      thread: 'framework_team',
      body: 'Secret words',
      mentions: [ft.user.id],
    });
    const reply = await comment(api, ft, c.id, {
      thread: 'framework_team',
      body: 'Answer',
      parentId: top.id,
    });
    const res = await http().delete(`/api/comments/${top.id}`).set(adviser.auth());
    expect(res.status).toBe(200);
    const gone = res.body as CommentBody;
    expect(gone).toMatchObject({ id: top.id, deleted: true, body: '', bodyHtml: '', mentions: [] });
    expect(gone.deletedAt).not.toBeNull();
    const thread = await items(ft, c.id, 'framework_team');
    expect(thread.map((x) => [x.id, x.deleted, x.body])).toEqual([
      [top.id, true, ''],
      [reply.id, false, 'Answer'],
    ]);
    expect(JSON.stringify(thread)).not.toContain('Secret words');
  });
});

describe('mentions', () => {
  /** People whose names carry `tag`, so a search for it finds them and nobody else. */
  async function cast(tag: string) {
    const person = (
      name: string,
      roles: Role[],
      extra: Partial<BuiltUser> & { active?: boolean } = {},
    ) =>
      buildUser({
        displayName: `Men ${tag} ${name}`,
        roles,
        clearance: 'strictly_confidential',
        ...extra,
      });
    const [adv, analystOut, analystIn, frameworkTeam, lowFt, gone] = await Promise.all([
      person('Adviser', ['adviser']),
      person('Ana Analyst', ['analyst']),
      person('Member Analyst', ['analyst']),
      person('Framework', ['framework_team']),
      person('Low Framework', ['framework_team'], { clearance: 'unclassified' }),
      person('Gone Adviser', ['adviser'], { active: false }),
    ]);
    return { adv, analystOut, analystIn, frameworkTeam, lowFt, gone };
  }

  it('mentionable lists exactly who may read the thread, and exactly they can be mentioned', async () => {
    const tag = randomUUID().slice(0, 8);
    const people = await cast(tag);
    const c = await situation();
    const added = await http()
      .post(`/api/cases/${c.id}/members`)
      .set(analyst.auth())
      .send({ userId: people.analystIn.id, role: 'analyst' });
    expect(added.status).toBe(201);

    const mentionable = async (thread: string) => {
      const res = await http()
        .get(`/api/cases/${c.id}/comments/mentionable`)
        .query({ thread, q: tag.toUpperCase() })
        .set(analyst.auth());
      expect(res.status).toBe(200);
      return (res.body as { items: { id: string; displayName: string }[] }).items;
    };
    const internal = await mentionable('internal');
    expect(internal).toEqual([
      {
        id: people.adv.id,
        displayName: people.adv.displayName,
        organisationAcronym: expect.any(String),
      },
      expect.objectContaining({ id: people.analystIn.id }),
    ]);
    const ftThread = (await mentionable('framework_team')).map((p) => p.id);
    expect(ftThread).toEqual([people.adv.id, people.frameworkTeam.id, people.analystIn.id]);

    // The SQL list and the domain rule agree: each person is accepted iff listed.
    for (const thread of ['internal', 'framework_team'] as const) {
      const listed = new Set((await mentionable(thread)).map((p) => p.id));
      for (const person of Object.values(people)) {
        const res = await postComment(api, analyst, c.id, {
          thread,
          body: 'ping',
          mentions: [person.id],
        });
        expect({ person: person.displayName, thread, status: res.status }).toEqual({
          person: person.displayName,
          thread,
          status: listed.has(person.id) ? 201 : 400,
        });
      }
    }
    // Only the Framework Team thread's readers; others 404.
    expectError(
      await http()
        .get(`/api/cases/${c.id}/comments/mentionable`)
        .query({ thread: 'internal' })
        .set(ft.auth()),
      404,
    );
    expectError(
      await http()
        .get(`/api/cases/${c.id}/comments/mentionable`)
        .query({ thread: 'nope' })
        .set(analyst.auth()),
      400,
    );
  });

  it('refused without naming anyone: someone who cannot read the thread reads as an unknown id; nothing written', async () => {
    const tag = randomUUID().slice(0, 8);
    const people = await cast(tag);
    const c = await situation();
    const before = await writtenFor(c.id);
    const res = await postComment(api, analyst, c.id, {
      thread: 'internal',
      body: 'Look',
      mentions: [people.adv.id, people.analystOut.id],
    });
    const refused = expectError(
      res,
      400,
      new RegExp(
        `^${people.analystOut.id} is not someone you can mention in the internal thread of this case\\.$`,
      ),
    );
    // Their display name is not revealed to the author (the mentionable list would not list them).
    expect(JSON.stringify(refused)).not.toContain(`Men ${tag}`);
    expectError(
      await postComment(api, analyst, c.id, {
        thread: 'internal',
        body: 'x',
        mentions: [ft.user.id],
      }),
      400,
      /is not someone you can mention in the internal thread/,
    );
    const unknownId = randomUUID();
    expectError(
      await postComment(api, analyst, c.id, {
        thread: 'internal',
        body: 'x',
        mentions: [unknownId],
      }),
      400,
      new RegExp(`^${unknownId} is not someone you can mention in the internal thread`),
    );
    const tooMany = expectError(
      await postComment(api, analyst, c.id, {
        thread: 'internal',
        body: 'x',
        mentions: Array.from({ length: 21 }, () => randomUUID()),
      }),
      400,
    );
    expect(tooMany.details).toEqual([
      { field: 'mentions', message: 'at most 20 people can be mentioned in one comment' },
    ]);
    expectError(
      await postComment(api, analyst, c.id, { thread: 'internal', body: 'x', mentions: ['nope'] }),
      400,
    );
    expect(await writtenFor(c.id)).toEqual(before);
  });

  it('notifies each person mentioned (never the author, never the text), once per comment', async () => {
    const c = await situation();
    const text = 'Confidential detail about sources';
    const posted = await comment(api, analyst, c.id, {
      thread: 'framework_team',
      body: text,
      mentions: [adviser.user.id, ft.user.id, analyst.user.id, ft.user.id],
    });
    expect(posted.mentions).toEqual([
      { id: adviser.user.id, displayName: adviser.user.displayName },
      { id: ft.user.id, displayName: ft.user.displayName },
      { id: analyst.user.id, displayName: analyst.user.displayName },
    ]);
    const reference = (
      await testPool().query<{ reference: string }>('SELECT reference FROM cases WHERE id = $1', [
        c.id,
      ])
    ).rows[0]?.reference;
    for (const s of [adviser, ft]) {
      const notes = await notificationsOf(s.user.id, c.id);
      expect(notes).toEqual([
        {
          type: 'mention',
          payload: {
            commentId: posted.id,
            thread: 'framework_team',
            reference,
            authorName: analyst.user.displayName,
          },
        },
      ]);
      const listed = await http().get('/api/notifications').set(s.auth());
      expect(JSON.stringify(listed.body)).not.toContain(text);
    }
    expect(await notificationsOf(analyst.user.id, c.id)).toEqual([]);

    // Editing tells only those newly mentioned.
    const other = await sessionFor(api, { roles: ['adviser'], clearance: 'strictly_confidential' });
    const edited = await http()
      .patch(`/api/comments/${posted.id}`)
      .set(analyst.auth())
      .send({ body: `${text} (edited)`, mentions: [adviser.user.id, other.user.id] });
    expect(edited.status).toBe(200);
    expect(await notificationsOf(adviser.user.id, c.id)).toHaveLength(1);
    expect((await notificationsOf(other.user.id, c.id)).map((n) => n.type)).toEqual(['mention']);
  });

  it('a new Framework Team comment by someone else notifies the lead analyst', async () => {
    const c = await situation();
    const fromFt = await comment(api, ft, c.id, { thread: 'framework_team', body: 'Our view' });
    await comment(api, analyst, c.id, { thread: 'framework_team', body: 'Lead answers' });
    await comment(api, adviser, c.id, { thread: 'internal', body: 'Internal note' });
    const notes = await notificationsOf(analyst.user.id, c.id);
    expect(notes).toEqual([
      {
        type: 'comment.framework_team',
        payload: {
          commentId: fromFt.id,
          reference: expect.stringMatching(/^SIT-\d{4}-\d{4,}$/),
          authorName: ft.user.displayName,
        },
      },
    ]);
  });
});

describe('markdown is rendered and sanitised', () => {
  it.each([
    ['<script>alert(1)</script>hello', /<script|alert\(1\)/i],
    ['<img src=x onerror=alert(1)>', /<img|onerror=/i],
    ['[click](javascript:alert(1))', /javascript:/i],
    ['![pic](https://example.org/x.png)', /<img/i],
    ['<a href="https://x.org" onclick="steal()">x</a>', /onclick/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
  ])('%s renders inert', async (body, forbidden) => {
    const c = await situation();
    const posted = await comment(api, analyst, c.id, { thread: 'internal', body });
    expect(posted.body).toBe(body);
    expect(posted.bodyHtml).not.toMatch(forbidden);
    expect(posted.bodyHtml).not.toMatch(/<(script|img|iframe|style|object)|\son\w+=/i);
  });

  it('keeps the allowed formatting; links get rel="noopener noreferrer nofollow"', async () => {
    const c = await situation();
    const posted = await comment(api, analyst, c.id, {
      thread: 'internal',
      body: '**b** _i_ `c`\n\n- one\n- two\n\n> quote\n\n[site](https://example.org) [mail](mailto:a@b.org)',
    });
    expect(posted.bodyHtml).toBe(
      [
        '<p><strong>b</strong> <em>i</em> <code>c</code></p>',
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
        '<blockquote>\n<p>quote</p>\n</blockquote>',
        '<p><a href="https://example.org" rel="noopener noreferrer nofollow">site</a> <a href="mailto:a@b.org" rel="noopener noreferrer nofollow">mail</a></p>',
      ].join('\n'),
    );
  });
});

describe('bad input writes nothing', () => {
  it.each([
    ['unknown field', { thread: 'internal', body: 'x', extra: 1 }],
    ['bad thread', { thread: 'public', body: 'x' }],
    ['missing thread', { body: 'x' }],
    ['empty body', { thread: 'internal', body: '' }],
    ['blank body', { thread: 'internal', body: '   \n ' }],
    ['body too long', { thread: 'internal', body: 'x'.repeat(10_001) }],
    ['body not a string', { thread: 'internal', body: 42 }],
    ['mentions not a list', { thread: 'internal', body: 'x', mentions: 'someone' }],
  ])('%s → 400', async (_label, body) => {
    const c = await situation();
    const before = await writtenFor(c.id);
    expectError(await postComment(api, analyst, c.id, body), 400);
    expect(await writtenFor(c.id)).toEqual(before);
  });

  it('a body of exactly 10,000 characters is accepted; list and edit validate too', async () => {
    const c = await situation();
    const long = await comment(api, analyst, c.id, {
      thread: 'internal',
      body: 'y'.repeat(10_000),
    });
    expect(long.body).toHaveLength(10_000);
    expectError(await readThread(api, analyst, c.id, { thread: 'nope' }), 400);
    expectError(await readThread(api, analyst, c.id, {}), 400);
    expectError(await readThread(api, analyst, c.id, { thread: 'internal', limit: '201' }), 400);
    expectError(await readThread(api, analyst, c.id, { thread: 'internal', cursor: 'junk' }), 400);
    const before = await writtenFor(c.id);
    expectError(
      await http()
        .patch(`/api/comments/${long.id}`)
        .set(analyst.auth())
        .send({ body: 'z', thread: 'framework_team' }),
      400,
    );
    expectError(
      await http()
        .patch(`/api/comments/${long.id}`)
        .set(analyst.auth())
        .send({ body: 'z'.repeat(10_001) }),
      400,
    );
    expect(await writtenFor(c.id)).toEqual(before);
  });
});

describe('the record of a change', () => {
  it('a case event per change with { commentId, thread, parentId }; audit rows without the text', async () => {
    const c = await situation();
    const text = 'Words that must stay in the comment';
    const top = await comment(api, analyst, c.id, {
      thread: 'framework_team',
      body: text,
      mentions: [ft.user.id],
    });
    const reply = await comment(api, ft, c.id, {
      thread: 'framework_team',
      body: text,
      parentId: top.id,
    });
    await http()
      .patch(`/api/comments/${top.id}`)
      .set(analyst.auth())
      .send({ body: `${text}!` });
    await http().delete(`/api/comments/${reply.id}`).set(ft.auth());

    const events = await http().get(`/api/cases/${c.id}/events`).set(analyst.auth());
    const commentEvents = (events.body as { items: { type: string; payload: unknown }[] }).items
      .filter((e) => e.type.startsWith('comment.'))
      .map((e) => [e.type, e.payload]);
    expect(commentEvents).toEqual([
      ['comment.created', { commentId: top.id, thread: 'framework_team', parentId: null }],
      ['comment.created', { commentId: reply.id, thread: 'framework_team', parentId: top.id }],
      ['comment.edited', { commentId: top.id, thread: 'framework_team', parentId: null }],
      ['comment.deleted', { commentId: reply.id, thread: 'framework_team', parentId: top.id }],
    ]);
    const { rows } = await testPool().query<{ action: string; entity_id: string; diff: unknown }>(
      `SELECT action, entity_id, diff FROM audit_log WHERE case_id = $1 AND entity = 'comment' ORDER BY seq`,
      [c.id],
    );
    expect(rows).toEqual([
      {
        action: 'comment.create',
        entity_id: top.id,
        diff: { thread: 'framework_team', length: text.length, mentions: 1 },
      },
      {
        action: 'comment.create',
        entity_id: reply.id,
        diff: { thread: 'framework_team', length: text.length, mentions: 0 },
      },
      {
        action: 'comment.edit',
        entity_id: top.id,
        diff: { thread: 'framework_team', length: text.length + 1, mentions: 1 },
      },
      {
        action: 'comment.delete',
        entity_id: reply.id,
        diff: { thread: 'framework_team', length: 0, mentions: 0 },
      },
    ]);
    const { rows: outbox } = await testPool().query<{ payload: unknown }>(
      'SELECT payload FROM outbox_events WHERE case_id = $1',
      [c.id],
    );
    expect(JSON.stringify(outbox)).not.toContain(text);
  });
});
