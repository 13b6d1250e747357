import { FRAMEWORK_TEAM_READER_SQL, OFFICE_READER_SQL } from '../authorization/case-readers.sql.js';

/**
 * SQL over `notifications n`: the notification is about the Framework Team's own thread (a
 * mention there), which its members read through the restricted view; everything else is the
 * Office's and follows Office access.
 */
const FRAMEWORK_TEAM_NOTICE = `(n.type = 'mention' AND n.payload->>'thread' = 'framework_team')`;

/**
 * SQL over `notifications n`: its reader may still read what it is about (a notification follows
 * access: someone taken off a case no longer sees what it said).
 */
export const STILL_READABLE = `(n.case_id IS NULL OR EXISTS (
  SELECT 1 FROM cases c JOIN users u ON u.id = n.user_id WHERE c.id = n.case_id
    AND (${OFFICE_READER_SQL} OR (${FRAMEWORK_TEAM_NOTICE} AND ${FRAMEWORK_TEAM_READER_SQL}))))`;
