import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The precursor database (DESIGN §6) and risk assessments (DESIGN §7): the Framework of Analysis
 * catalogue as rows (so the Office can re-key indicators without a code change), sources kept apart
 * from information items, items with links, indicator tags, attachments and speech assessments, and
 * risk assessments with one rating per factor.
 *
 * The catalogue rows below are literal on purpose: a migration must insert the same rows forever,
 * whatever later becomes of the catalogue in libs/domain.
 */
export class PrecursorDatabase1795295519415 implements MigrationInterface {
  name = 'PrecursorDatabase1795295519415';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE risk_factors (
        number smallint PRIMARY KEY CHECK (number BETWEEN 1 AND 14),
        name text NOT NULL,
        short_name text NOT NULL,
        scope text NOT NULL CHECK (scope IN ('common','genocide','crimes_against_humanity','war_crimes')),
        further_indicators_unverified boolean NOT NULL DEFAULT false
      )`);
    await q.query(`
      CREATE TABLE indicators (
        id text PRIMARY KEY CHECK (id ~ '^[0-9]{1,2}[.][0-9]{1,2}$'),
        factor smallint NOT NULL REFERENCES risk_factors(number),
        position smallint NOT NULL,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 300),
        verification text NOT NULL CHECK (verification IN ('checked','unverified'))
      )`);
    await q.query('CREATE INDEX indicators_factor_idx ON indicators (factor, position)');
    await q.query(`INSERT INTO risk_factors (number, name, short_name, scope, further_indicators_unverified) VALUES
      (1, 'Situations of armed conflict or other forms of instability', 'Armed conflict or instability', 'common', false),
      (2, 'Record of serious violations of international human rights and humanitarian law', 'Record of serious violations', 'common', false),
      (3, 'Weakness of State structures', 'Weak State structures', 'common', false),
      (4, 'Motives or incentives', 'Motives or incentives', 'common', false),
      (5, 'Capacity to commit atrocity crimes', 'Capacity', 'common', false),
      (6, 'Absence of mitigating factors', 'Absence of mitigating factors', 'common', false),
      (7, 'Enabling circumstances or preparatory action', 'Enabling circumstances or preparatory action', 'common', false),
      (8, 'Triggering factors', 'Triggering factors', 'common', false),
      (9, 'Intergroup tensions or patterns of discrimination against protected groups', 'Intergroup tensions, discrimination', 'genocide', false),
      (10, 'Signs of an intent to destroy in whole or in part a protected group', 'Intent to destroy a protected group', 'genocide', false),
      (11, 'Signs of a widespread or systematic attack against any civilian population', 'Widespread or systematic attack on civilians', 'crimes_against_humanity', true),
      (12, 'Signs of a plan or policy to attack any civilian population', 'Plan or policy to attack civilians', 'crimes_against_humanity', true),
      (13, 'Serious threats to those protected under international humanitarian law', 'Threats to those protected by humanitarian law', 'war_crimes', true),
      (14, 'Serious threats to humanitarian or peacekeeping operations', 'Threats to humanitarian or peacekeeping operations', 'war_crimes', false)`);
    await q.query(`INSERT INTO indicators (id, factor, position, label, verification) VALUES
      ('1.1', 1, 1, 'Armed conflict (international or not)', 'checked'),
      ('1.2', 1, 2, 'Security crisis (broken peace deals, neighbouring conflict, terrorism)', 'checked'),
      ('1.3', 1, 3, 'Humanitarian crisis or emergency', 'checked'),
      ('1.4', 1, 4, 'Irregular regime change', 'checked'),
      ('1.5', 1, 5, 'Disputes over power, radical opposition', 'checked'),
      ('1.6', 1, 6, 'Autocracy or severe repression', 'checked'),
      ('1.7', 1, 7, 'Scarce resources or disputes over them', 'checked'),
      ('1.8', 1, 8, 'Severe national economic crisis', 'checked'),
      ('1.9', 1, 9, 'Acute poverty, mass unemployment, horizontal inequality', 'checked'),
      ('1.10', 1, 10, 'Mass protest against the State', 'checked'),
      ('1.11', 1, 11, 'Identity-based exclusion or tension', 'checked'),
      ('2.1', 2, 1, 'Past or present serious violations, especially early patterns', 'checked'),
      ('2.2', 2, 2, 'Past atrocity crimes or incitement', 'checked'),
      ('2.3', 2, 3, 'Impunity or tolerance', 'checked'),
      ('2.4', 2, 4, 'Inaction to stop violations', 'checked'),
      ('2.5', 2, 5, 'Continued support to accused groups', 'checked'),
      ('2.6', 2, 6, 'Justification or denial of violations', 'checked'),
      ('2.7', 2, 7, 'Absent or politicised transitional justice', 'checked'),
      ('2.8', 2, 8, 'Mistrust in institutions due to impunity', 'checked'),
      ('3.1', 3, 1, 'Weak legal protection, treaties not ratified', 'checked'),
      ('3.2', 3, 2, 'Under-resourced judicial, police and human-rights institutions', 'checked'),
      ('3.3', 3, 3, 'Judiciary not independent', 'checked'),
      ('3.4', 3, 4, 'No civilian control of security forces', 'checked'),
      ('3.5', 3, 5, 'Corruption, poor governance', 'checked'),
      ('3.6', 3, 6, 'No oversight or recourse for victims', 'checked'),
      ('3.7', 3, 7, 'No human-rights or humanitarian-law training for armed actors', 'checked'),
      ('3.8', 3, 8, 'Livelihoods not secured', 'unverified'),
      ('3.9', 3, 9, 'No resources for reform', 'unverified'),
      ('4.1', 4, 1, 'Political motives (gaining or keeping power)', 'checked'),
      ('4.2', 4, 2, 'Economic interests of elites or groups', 'checked'),
      ('4.3', 4, 3, 'Strategic or military interests (territory, resources)', 'checked'),
      ('4.4', 4, 4, 'Making an area homogeneous', 'checked'),
      ('4.5', 4, 5, 'Groups seen as threats or disloyal', 'checked'),
      ('4.6', 4, 6, 'Membership of armed or radical groups', 'checked'),
      ('4.7', 4, 7, 'Supremacist or extremist identity ideologies', 'checked'),
      ('4.8', 4, 8, 'Politicised past grievances', 'checked'),
      ('4.9', 4, 9, 'Unaddressed social trauma', 'checked'),
      ('5.1', 5, 1, 'Personnel, arms or money available', 'checked'),
      ('5.2', 5, 2, 'Means to move people and arms', 'checked'),
      ('5.3', 5, 3, 'Ability to recruit and mobilise supporters', 'checked'),
      ('5.4', 5, 4, 'Culture of obedience and conformity', 'checked'),
      ('5.5', 5, 5, 'Links with other armed forces or groups', 'checked'),
      ('5.6', 5, 6, 'Commercial enablers', 'checked'),
      ('5.7', 5, 7, 'Support of powerful national actors', 'checked'),
      ('5.8', 5, 8, 'Support of external actors', 'checked'),
      ('6.1', 6, 1, 'Few empowerment processes or institutions', 'unverified'),
      ('6.2', 6, 2, 'Weak civil society or unfree media', 'checked'),
      ('6.3', 6, 3, 'Little international civil-society or media attention', 'checked'),
      ('6.4', 6, 4, 'Little UN or international presence or access', 'checked'),
      ('6.5', 6, 5, 'State outside binding international or regional bodies', 'checked'),
      ('6.6', 6, 6, 'State closed to relations with others', 'checked'),
      ('6.7', 6, 7, 'Poor cooperation with human-rights mechanisms', 'checked'),
      ('6.8', 6, 8, 'Parties unwilling to talk or compromise', 'checked'),
      ('6.9', 6, 9, 'Others unwilling to help or act', 'checked'),
      ('6.10', 6, 10, 'Neighbours closing borders or returning refugees', 'checked'),
      ('6.11', 6, 11, 'No early-warning mechanism', 'checked'),
      ('7.1', 7, 1, 'Emergency laws eroding rights', 'checked'),
      ('7.2', 7, 2, 'Interference with vital State institutions', 'checked'),
      ('7.3', 7, 3, 'Security apparatus reorganised against groups', 'checked'),
      ('7.4', 7, 4, 'Large arms acquisitions', 'checked'),
      ('7.5', 7, 5, 'New or backed militias', 'checked'),
      ('7.6', 7, 6, 'Control or bans on communications', 'checked'),
      ('7.7', 7, 7, 'Expulsion or restriction of NGOs, international bodies, media', 'checked'),
      ('7.8', 7, 8, 'More violations against protected groups, discriminatory laws', 'checked'),
      ('7.9', 7, 9, 'More violence against women and children, sexual violence', 'checked'),
      ('7.10', 7, 10, 'Life-threatening conditions, deportation, segregation, forced displacement', 'checked'),
      ('7.11', 7, 11, 'Destruction of essential goods or cultural and religious property', 'checked'),
      ('7.12', 7, 12, 'Marking people or property by group', 'checked'),
      ('7.13', 7, 13, 'Politicisation of identity or past events', 'checked'),
      ('7.14', 7, 14, 'Inflammatory rhetoric, propaganda, hate speech', 'checked'),
      ('8.1', 8, 1, 'Sudden deployment of forces or start of hostilities', 'checked'),
      ('8.2', 8, 2, 'Spill-over from neighbours', 'checked'),
      ('8.3', 8, 3, 'International measures seen as threatening sovereignty', 'checked'),
      ('8.4', 8, 4, 'Abrupt change of power', 'checked'),
      ('8.5', 8, 5, 'Attacks on leaders or prominent people, terrorist attacks', 'checked'),
      ('8.6', 8, 6, 'Religious events or acts of intolerance', 'checked'),
      ('8.7', 8, 7, 'Incitement or hate propaganda', 'checked'),
      ('8.8', 8, 8, 'Census, elections and related measures', 'checked'),
      ('8.9', 8, 9, 'Sudden economic shocks, disasters, epidemics', 'checked'),
      ('8.10', 8, 10, 'Discovery or exploitation of natural resources', 'checked'),
      ('8.11', 8, 11, 'Commemorations of past crimes, glorifying perpetrators', 'checked'),
      ('8.12', 8, 12, 'Accountability processes seen as unfair', 'checked'),
      ('9.1', 9, 1, 'Discriminatory or exclusionary practices or laws', 'checked'),
      ('9.2', 9, 2, 'Denial of a group''s existence or identity', 'checked'),
      ('9.3', 9, 3, 'Past atrocities against groups with impunity', 'checked'),
      ('9.4', 9, 4, 'Tensions over rights, resources, participation, identity', 'checked'),
      ('9.5', 9, 5, 'Other group tensions that may turn ethnic, racial, religious or national', 'checked'),
      ('9.6', 9, 6, 'No mechanism to handle identity tensions', 'checked'),
      ('10.1', 10, 1, 'Documents or statements revealing intent or incitement', 'checked'),
      ('10.2', 10, 2, 'Targeted physical elimination', 'checked'),
      ('10.3', 10, 3, 'Widespread or systematic violence against the group', 'checked'),
      ('10.4', 10, 4, 'Measures against reproduction or transfer of children', 'checked'),
      ('10.5', 10, 5, 'Dehumanising or terrorising violence', 'checked'),
      ('10.6', 10, 6, 'Destruction of homes, livelihoods, cultural or religious symbols', 'unverified'),
      ('10.7', 10, 7, 'Killing of leaders or an age group', 'unverified'),
      ('10.8', 10, 8, 'Other conduct suggesting destructive intent', 'unverified'),
      ('10.9', 10, 9, 'Public euphoria at control over the group', 'unverified'),
      ('11.1', 11, 1, 'Patterns of violence against civilians or a group', 'unverified'),
      ('11.2', 11, 2, 'More groups or areas affected', 'unverified'),
      ('11.3', 11, 3, 'More victims or attacks', 'unverified'),
      ('11.4', 11, 4, 'Military means used against civilians', 'unverified'),
      ('11.5', 11, 5, 'Involvement of State or senior authorities', 'unverified'),
      ('12.1', 12, 1, 'Documents revealing a plan or policy', 'checked'),
      ('12.2', 12, 2, 'Discriminatory security procedures', 'checked'),
      ('12.3', 12, 3, 'Measures altering the composition of the population', 'checked'),
      ('12.4', 12, 4, 'Parallel institutions that could be used for violence', 'checked'),
      ('12.5', 12, 5, 'Preparation of large resources', 'unverified'),
      ('13.1', 13, 1, 'Fragmented parties, no chain of command', 'checked'),
      ('13.2', 13, 2, 'Mistrust from broken agreements', 'checked'),
      ('13.3', 13, 3, 'Radicalisation of parties', 'checked'),
      ('13.4', 13, 4, 'Ethnicity or religion as test of allegiance', 'checked'),
      ('13.5', 13, 5, 'Dehumanising the enemy or groups', 'checked'),
      ('13.6', 13, 6, 'Curtailing the rights of protected persons', 'checked'),
      ('13.7', 13, 7, 'Plans or discourse threatening protected persons', 'checked'),
      ('13.8', 13, 8, 'Impeding supplies or humanitarian support vital to survival', 'checked'),
      ('13.9', 13, 9, 'Logistics to move or confine many people', 'checked'),
      ('13.10', 13, 10, 'Preparation of prohibited weapons', 'unverified'),
      ('14.1', 14, 1, 'Disregard of their status', 'unverified'),
      ('14.2', 14, 2, 'Threats or attacks on their personnel, premises, vehicles', 'unverified'),
      ('14.3', 14, 3, 'Obstruction of access and movement', 'unverified')`);

    await q.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('un_entity','member_state','regional_org','civil_society','media','individual')),
        reliability char(1) NOT NULL CHECK (reliability IN ('A','B','C','D','E','F')),
        contact_notes text NOT NULL DEFAULT '' CHECK (length(contact_notes) <= 5000),
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX sources_name_idx ON sources (lower(name), id)');
    await q.query('CREATE INDEX sources_created_by_idx ON sources (created_by)');

    // The grade is written as recorded: the source's reliability is copied onto the item, so a
    // later regrading of the source does not silently change what analysts relied on.
    await q.query(`
      CREATE TABLE information_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        description text NOT NULL CHECK (length(description) <= 50000),
        country char(3) NOT NULL CHECK (country ~ '^[A-Z]{3}$'),
        admin_area text CHECK (length(admin_area) <= 200),
        place_name text CHECK (length(place_name) <= 200),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        event_date date NOT NULL,
        received_date date NOT NULL DEFAULT current_date,
        kind text NOT NULL CHECK (kind IN ('incident','report','statement','speech','media','other')),
        crime_types text[] NOT NULL DEFAULT '{}',
        affected_groups text[] NOT NULL DEFAULT '{}',
        source_id uuid NOT NULL REFERENCES sources(id),
        source_reliability char(1) NOT NULL CHECK (source_reliability IN ('A','B','C','D','E','F')),
        credibility smallint NOT NULL CHECK (credibility BETWEEN 1 AND 6),
        consent text NOT NULL CHECK (consent IN ('yes','no','not_applicable')),
        classification text NOT NULL CHECK (classification IN ('unclassified','confidential','strictly_confidential')),
        event_type text CHECK (event_type IN ('battles','explosions_remote_violence','violence_against_civilians','protests','riots','strategic_developments')),
        event_subtype text CHECK (event_subtype IN ('attack','sexual_violence','abduction_forced_disappearance')),
        actor_types text[] NOT NULL DEFAULT '{}',
        time_precision smallint CHECK (time_precision BETWEEN 1 AND 3),
        geo_precision smallint CHECK (geo_precision BETWEEN 1 AND 3),
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', coalesce(place_name, '') || ' ' || coalesce(admin_area, '')), 'C') ||
          setweight(to_tsvector('english', description), 'B')
        ) STORED,
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK (event_subtype IS NULL OR event_type = 'violence_against_civilians')
      )`);
    await q.query(
      'CREATE INDEX information_items_search_idx ON information_items USING gin (search)',
    );
    await q.query(
      'CREATE INDEX information_items_event_date_idx ON information_items (event_date DESC, id DESC)',
    );
    await q.query(
      'CREATE INDEX information_items_country_idx ON information_items (country, event_date DESC, id DESC)',
    );
    await q.query(
      'CREATE INDEX information_items_crime_types_idx ON information_items USING gin (crime_types)',
    );
    await q.query('CREATE INDEX information_items_source_idx ON information_items (source_id)');
    await q.query(
      'CREATE INDEX information_items_created_by_idx ON information_items (created_by)',
    );

    await q.query(`
      CREATE TABLE information_item_cases (
        item_id uuid NOT NULL REFERENCES information_items(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        linked_by uuid REFERENCES users(id),
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, case_id)
      )`);
    await q.query(
      'CREATE INDEX information_item_cases_case_idx ON information_item_cases (case_id, item_id)',
    );
    // ON UPDATE CASCADE: re-keying an indicator in the catalogue carries its tags along.
    await q.query(`
      CREATE TABLE information_item_indicators (
        item_id uuid NOT NULL REFERENCES information_items(id) ON DELETE CASCADE,
        indicator_id text NOT NULL REFERENCES indicators(id) ON UPDATE CASCADE,
        PRIMARY KEY (item_id, indicator_id)
      )`);
    await q.query(
      'CREATE INDEX information_item_indicators_indicator_idx ON information_item_indicators (indicator_id, item_id)',
    );

    await q.query(`
      CREATE TABLE information_item_attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id uuid NOT NULL REFERENCES information_items(id) ON DELETE CASCADE,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        media_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage text NOT NULL CHECK (storage IN ('database','disk')),
        content bytea,
        disk_path text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((storage = 'database') = (content IS NOT NULL)),
        CHECK ((storage = 'disk') = (disk_path IS NOT NULL))
      )`);
    await q.query(
      'CREATE INDEX information_item_attachments_item_idx ON information_item_attachments (item_id, created_at)',
    );

    await q.query(`
      CREATE TABLE speech_assessments (
        item_id uuid PRIMARY KEY REFERENCES information_items(id) ON DELETE CASCADE,
        speaker text NOT NULL CHECK (length(speaker) BETWEEN 1 AND 300),
        speaker_status text NOT NULL DEFAULT '' CHECK (length(speaker_status) <= 300),
        audience text NOT NULL DEFAULT '' CHECK (length(audience) <= 500),
        target_group text NOT NULL CHECK (length(target_group) BETWEEN 1 AND 300),
        medium text NOT NULL DEFAULT '' CHECK (length(medium) <= 300),
        reach text NOT NULL DEFAULT '' CHECK (length(reach) <= 500),
        hallmarks text[] NOT NULL DEFAULT '{}',
        parts jsonb NOT NULL,
        level text NOT NULL CHECK (level IN ('of_concern','civil_or_administrative','incitement')),
        version int NOT NULL DEFAULT 1,
        assessed_by uuid NOT NULL REFERENCES users(id),
        assessed_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE risk_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','finalised','superseded')),
        crime_types text[] NOT NULL DEFAULT '{}',
        overall_level text CHECK (overall_level IN ('low','moderate','high','very_high')),
        computed_level text NOT NULL CHECK (computed_level IN ('low','moderate','high','very_high')),
        trend text CHECK (trend IN ('deteriorated','unchanged','improved')),
        flags text[] NOT NULL DEFAULT '{}',
        summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 20000),
        supersedes_id uuid REFERENCES risk_assessments(id),
        version int NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users(id),
        updated_by uuid REFERENCES users(id),
        finalised_by uuid REFERENCES users(id),
        finalised_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'draft') = (finalised_at IS NULL)),
        CHECK (status = 'draft' OR overall_level IS NOT NULL)
      )`);
    // One draft per case and period; one standing (finalised, not superseded) assessment too.
    await q.query(
      "CREATE UNIQUE INDEX risk_assessments_one_draft ON risk_assessments (case_id, period) WHERE status = 'draft'",
    );
    await q.query(
      "CREATE UNIQUE INDEX risk_assessments_one_standing ON risk_assessments (case_id, period) WHERE status = 'finalised'",
    );
    await q.query(
      'CREATE INDEX risk_assessments_case_idx ON risk_assessments (case_id, period DESC, created_at DESC)',
    );
    await q.query(`
      CREATE TABLE risk_factor_ratings (
        assessment_id uuid NOT NULL REFERENCES risk_assessments(id) ON DELETE CASCADE,
        factor smallint NOT NULL REFERENCES risk_factors(number),
        rating smallint NOT NULL CHECK (rating BETWEEN 0 AND 4),
        confidence text NOT NULL CHECK (confidence IN ('low','medium','high')),
        rationale text NOT NULL DEFAULT '' CHECK (length(rationale) <= 10000),
        evidence_item_ids uuid[] NOT NULL DEFAULT '{}',
        indicator_ids text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (assessment_id, factor)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE risk_factor_ratings');
    await q.query('DROP TABLE risk_assessments');
    await q.query('DROP TABLE speech_assessments');
    await q.query('DROP TABLE information_item_attachments');
    await q.query('DROP TABLE information_item_indicators');
    await q.query('DROP TABLE information_item_cases');
    await q.query('DROP TABLE information_items');
    await q.query('DROP TABLE sources');
    await q.query('DROP TABLE indicators');
    await q.query('DROP TABLE risk_factors');
  }
}
