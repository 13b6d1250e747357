import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { applicableFactors, defineAbilitiesFor, RABAT_PARTS } from '@vigil/domain';
import type { DataSource } from 'typeorm';
import { AssessmentLifecycleService } from '../assessments/assessment-lifecycle.service.js';
import { AssessmentsService } from '../assessments/assessments.service.js';
import { CaseMembersService } from '../cases/case-members.service.js';
import { CasesService } from '../cases/cases.service.js';
import { CommentsService } from '../comments/comments.service.js';
import type { RequestContext } from '../common/request-context.js';
import { InformationItemsService } from '../information/information-items.service.js';
import { SourcesService } from '../information/sources.service.js';
import { SpeechAssessmentsService } from '../information/speech-assessments.service.js';
import { EndorsementsService } from '../priority-situations/endorsements.service.js';
import { DemoDrafting } from './demo-drafting.js';
import { PrioritySharingService } from '../priority-situations/priority-sharing.service.js';
import { DEMO_SITUATIONS, DEMO_SOURCES, type DemoSituation } from './demo-content.js';
import { activeDemoActor, caseCount } from './demo.store.js';

/** What a content seed added, or why it added nothing. */
export type DemoContentResult =
  | { seeded: true; situations: number; items: number; assessments: number; comments: number }
  | { seeded: false; reason: string };

const DAY_MS = 86_400_000;

/** One line for the launcher and the command line. */
export function describeDemoContent(result: DemoContentResult): string {
  return result.seeded
    ? `Seeded demo content: ${result.situations} situations (one shared with the Framework Team), ${result.items} information items, ${result.assessments} finalised risk assessments, ${result.comments} comments, a draft advice, a recommendation and an engagement.`
    : `No demo content added: ${result.reason}.`;
}

/**
 * Demo situations, sources, information and finalised assessments, written through the same
 * services as the api (so rules, events and audit entries are real). Only into a database with no
 * situations yet: it never mixes with real work.
 */
@Injectable()
export class DemoContentService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CasesService,
    private readonly sources: SourcesService,
    private readonly items: InformationItemsService,
    private readonly speech: SpeechAssessmentsService,
    private readonly assessments: AssessmentsService,
    private readonly lifecycle: AssessmentLifecycleService,
    private readonly members: CaseMembersService,
    private readonly sharing: PrioritySharingService,
    private readonly comments: CommentsService,
    private readonly endorsements: EndorsementsService,
    private readonly drafting: DemoDrafting,
  ) {}

  async seedIfEmpty(now = new Date()): Promise<DemoContentResult> {
    if ((await caseCount(this.db)) > 0)
      return { seeded: false, reason: 'the database already has situations' };
    const analyst = await this.contextOf('analyst@vigil.test');
    const adviser = await this.contextOf('adviser@vigil.test');
    if (!analyst || !adviser) return { seeded: false, reason: 'the demo accounts are missing' };

    const sourceIds = new Map<string, string>();
    for (const s of DEMO_SOURCES) {
      const { key, ...fields } = s;
      sourceIds.set(key, (await this.sources.create(analyst, fields)).id);
    }
    let items = 0;
    let assessments = 0;
    const caseIds: string[] = [];
    for (const situation of DEMO_SITUATIONS) {
      const created = await this.cases.create(analyst, {
        title: situation.title,
        country: situation.country,
        summary: situation.summary,
        classification: 'confidential',
      });
      caseIds.push(created.id);
      items += await this.seedItems(analyst, created.id, situation, sourceIds, now);
      assessments += await this.seedAssessments(analyst, adviser, created.id, situation, now);
    }
    const comments = caseIds[0] ? await this.seedCollaboration(analyst, adviser, caseIds[0]) : 0;
    if (caseIds[0]) await this.drafting.seed(analyst, adviser, caseIds[0], now);
    return { seeded: true, situations: DEMO_SITUATIONS.length, items, assessments, comments };
  }

  private async seedItems(
    analyst: RequestContext,
    caseId: string,
    situation: DemoSituation,
    sourceIds: Map<string, string>,
    now: Date,
  ): Promise<number> {
    for (const item of situation.items) {
      const { source, daysAgo, ...fields } = item;
      const recorded = await this.items.create(analyst, {
        ...fields,
        country: situation.country,
        eventDate: new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10),
        sourceId: sourceIds.get(source),
        caseIds: [caseId],
      });
      if (item.kind === 'speech') {
        await this.speech.save(analyst, recorded.id, {
          speaker: 'Demo: radio talk-show host',
          speakerStatus: 'Popular broadcaster close to the governor',
          audience: 'Listeners across the province',
          targetGroup: 'A minority community',
          medium: 'Radio',
          reach: 'Province-wide, several times a week',
          hallmarks: ['dehumanisation', 'call_to_violence'],
          parts: RABAT_PARTS.map((part) => ({ part, met: part !== 'likelihood_imminence' })),
        });
      }
    }
    return situation.items.length;
  }

  private async seedAssessments(
    analyst: RequestContext,
    adviser: RequestContext,
    caseId: string,
    situation: DemoSituation,
    now: Date,
  ): Promise<number> {
    const applicable = applicableFactors(situation.crimeTypes);
    for (const a of [...situation.assessments].sort((x, y) => y.monthsAgo - x.monthsAgo)) {
      const given = new Map(a.ratings);
      const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - a.monthsAgo, 1));
      const draft = await this.assessments.create(analyst, caseId, {
        period: month.toISOString().slice(0, 7),
        crimeTypes: situation.crimeTypes,
        overallLevel: a.overallLevel,
        summary: 'Demonstration assessment.',
        ratings: applicable.map((factor) => ({
          factor,
          rating: given.get(factor) ?? 1,
          confidence: 'medium',
          rationale: 'Demonstration rating.',
        })),
      });
      await this.lifecycle.finalise(adviser, draft.id);
    }
    return situation.assessments.length;
  }

  /**
   * The first situation is worked by both demo analysts, shared with the Framework Team, and has
   * a comment in each thread and an endorsement, so every demo account has something live to see.
   */
  private async seedCollaboration(
    analyst: RequestContext,
    adviser: RequestContext,
    caseId: string,
  ): Promise<number> {
    const analyst2 = await this.contextOf('analyst2@vigil.test');
    const ohchr = await this.contextOf('ft.ohchr@vigil.test');
    if (analyst2?.actor) {
      await this.members.addMember(analyst, caseId, { userId: analyst2.actor.id, role: 'analyst' });
    }
    await this.sharing.setShared(adviser, caseId, true);
    await this.comments.create(analyst, caseId, {
      thread: 'internal',
      body: 'Field reports of armed groups moving toward the camps near **El Fasher**. Could you review the assessment before Thursday?',
      mentions: adviser.actor ? [adviser.actor.id] : [],
    });
    if (ohchr) {
      await this.comments.create(ohchr, caseId, {
        thread: 'framework_team',
        body: 'OHCHR monitors confirm reports of arbitrary detention in the district. We can brief the Framework Team on Tuesday.',
      });
      await this.endorsements.save(
        ohchr,
        caseId,
        'OHCHR supports treating this as a priority situation.',
      );
    }
    return ohchr ? 2 : 1;
  }

  private async contextOf(email: string): Promise<RequestContext | null> {
    const user = await activeDemoActor(this.db, email);
    if (!user) return null;
    const actor = {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      roles: user.roles,
      clearance: user.clearance,
      organisationId: user.organisation_id,
    };
    return {
      actor,
      ability: defineAbilitiesFor({ ...actor, active: true }),
      requestId: 'seed',
      ip: 'local',
    };
  }
}
