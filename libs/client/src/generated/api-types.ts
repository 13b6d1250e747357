// Generated from the api's OpenAPI document by `npm run client:generate`. Do not edit.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the api and its database answer (503 when the database is down) */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers (no database) */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renew the session with the refresh cookie (the cookie rotates; the old token dies) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: end this session everywhere (bearer token) */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and their packed ability rules */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your own preferences (e-mail for notifications) */
        patch: operations["AuthController_updatePreferences"];
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users the caller may read (administrators: everyone) */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user (admin); the adviser or admin role and a clearance above unclassified wait for another administrator */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change roles, clearance, organisation, active or password, or lift a sign-in lock (admin; never your own roles, clearance or organisation; a grant of adviser, admin or a higher clearance waits for another administrator) */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/account-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Account changes by status; pending ones oldest first (administrators) */
        get: operations["AccountChangesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-changes/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a pending grant: it takes effect (another administrator than the requester) */
        post: operations["AccountChangesController_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account-changes/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending grant (another administrator than the requester) */
        post: operations["AccountChangesController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations, by name */
        get: operations["OrganisationsController_list"];
        put?: never;
        /** Create an organisation (admin) */
        post: operations["OrganisationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an organisation (admin) */
        patch: operations["OrganisationsController_update"];
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit entries, newest first (admin)
         * @description Who, when, which action on which record always; the values that changed only where you may read that record now (see withheldFields).
         */
        get: operations["AuditLogController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Walk the hash chain and report the first broken entry (admin) */
        get: operations["AuditLogController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/countries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ISO 3166-1 alpha-3 countries with English names */
        get: operations["CasesController_countries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Country situations you may read, filtered and sorted */
        get: operations["CasesController_list"];
        put?: never;
        /** Open a country situation (reference SIT-YYYY-NNNN allocated, more digits past 9999); per-person budgets apply (429) */
        post: operations["CasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts per stage and per country under the same filters */
        get: operations["CasesController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a case; send the version you read (409 with currentVersion if stale)
         * @description Title and summary need the right to edit the case; the lead analyst needs the right to manage its members; the classification needs an adviser cleared for the old and the new level.
         */
        patch: operations["CasesController_update"];
        trace?: never;
    };
    "/api/cases/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of a case */
        get: operations["CasesController_members"];
        put?: never;
        /** Give a user a role on the case (lead analyst or adviser) */
        post: operations["CasesController_addMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/member-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Up to 20 people who could be added: active analysts and advisers cleared for the case, not yet members nor its lead */
        get: operations["CasesController_memberCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["CasesController_removeMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stage, sub-state and the events you may send now */
        get: operations["WorkflowController_describe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case timeline, oldest first; `after` to catch up */
        get: operations["WorkflowController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a periodic review; sets the next review date */
        post: operations["WorkflowController_review"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed case (advisers) */
        post: operations["WorkflowController_reopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose moving a case (up one stage, down, or to closed) */
        post: operations["EscalationsController_propose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proposals on readable cases; pending ones oldest first (the approvals inbox) */
        get: operations["EscalationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One proposal */
        get: operations["EscalationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (never your own proposal); the move happens once enough advisers approve */
        post: operations["EscalationsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a proposal (advisers) */
        post: operations["EscalationsController_reject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/escalations/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw your own proposal */
        post: operations["EscalationsController_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assessments of a case with their ratings, newest month first */
        get: operations["AssessmentsController_history"];
        put?: never;
        /** Draft a risk assessment for a month (one draft, and one finalised, per month) */
        post: operations["AssessmentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One risk assessment */
        get: operations["AssessmentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft; send the version you read (409 with currentVersion if stale) */
        patch: operations["AssessmentsController_update"];
        trace?: never;
    };
    "/api/assessments/{id}/finalise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finalise a complete draft (advisers): sets the trend and the case risk level; supersedes the month’s previous one */
        post: operations["AssessmentsController_finalise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assessments/{id}/supersede": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise a finalised assessment: a new draft for the same month with its ratings (the old one stands until the new is finalised) */
        post: operations["AssessmentsController_supersede"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risk/heat-map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readable cases with a finalised assessment: latest month, level, trend and rating per factor; highest level first */
        get: operations["RiskOverviewController_heatMap"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/evidence-since-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per factor, readable information linked to the case since its latest finalised assessment */
        get: operations["RiskOverviewController_evidenceSince"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first, with the unread count */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications read */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/framework": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 14 risk factors and their indicators */
        get: operations["FrameworkController_framework"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sources whose identity you may read, newest first
         * @description Source names and contact notes are encrypted at rest, so this list cannot be ordered by name: it is ordered newest first (created_at, then id; keyset cursor). `q` finds sources by words of their name through a keyed blind index. A source whose stored identity cannot be decrypted is listed with `unreadable: true`.
         */
        get: operations["SourcesController_list"];
        put?: never;
        /** Record a source (name, kind, reliability A–F, contact notes) */
        post: operations["SourcesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One source (404 unless you may know who it is) */
        get: operations["SourcesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a source; send the version you read */
        patch: operations["SourcesController_update"];
        trace?: never;
    };
    "/api/information-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search the information you may read: words, filters, keyset pages */
        get: operations["InformationItemsController_list"];
        put?: never;
        /** Record an information item with its source grade (e.g. B2) */
        post: operations["InformationItemsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/information-items/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many items you may read match the filters (counted up to 1,000) */
        get: operations["InformationItemsController_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/information-items/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** CSV of the items matching the filters that you may read (audited) */
        get: operations["InformationItemsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/information-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One item, its attachments and speech assessment */
        get: operations["InformationItemsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an item; send the version you read (409 with currentVersion) */
        patch: operations["InformationItemsController_update"];
        trace?: never;
    };
    "/api/information-items/{id}/speech-assessment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Record or replace the Rabat assessment of a speech item */
        put: operations["InformationItemsController_saveSpeech"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/information-items/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Attach a file (multipart field "file"); type checked from its bytes */
        post: operations["InformationItemsController_attach"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/information-items/{id}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: operations["InformationItemsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A thread of a case, oldest first (keyset pages of up to 200) */
        get: operations["CommentsController_list"];
        put?: never;
        /** Comment, or reply to a top-level comment, in a thread */
        post: operations["CommentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/comments/mentionable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Up to 20 active people who may read the thread, by display name */
        get: operations["CommentsController_mentionable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your comment; it stays in place as deleted, replies too */
        delete: operations["CommentsController_remove"];
        options?: never;
        head?: never;
        /** Edit your comment (marked edited) */
        patch: operations["CommentsController_edit"];
        trace?: never;
    };
    "/api/priority-situations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Priority situations shared with you (restricted view) */
        get: operations["PrioritySituationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/priority-situations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One priority situation (restricted view) */
        get: operations["PrioritySituationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/priority-situations/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The timeline as the restricted view may see it, oldest first; `after` to catch up */
        get: operations["PrioritySituationsController_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/priority-situations/{id}/endorsement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Endorse with a note, or change your note (one per person) */
        put: operations["PrioritySituationsController_endorse"];
        post?: never;
        /** Withdraw your endorsement */
        delete: operations["PrioritySituationsController_withdraw"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/priority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Share the case with the Framework Team as a priority situation, or stop */
        post: operations["CasePriorityController_setPriority"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/endorsements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Framework Team's endorsements, with counts per organisation */
        get: operations["CasePriorityController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Documents of a case, newest first */
        get: operations["DocumentsController_list"];
        put?: never;
        /** Start a document on a case (those who draft on it) */
        post: operations["DocumentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One document (its text: the socket, or a frozen version) */
        get: operations["DocumentsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit for review: drafting → in review (freezes a version) */
        post: operations["DocumentsController_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (advisers): in review → approved; the text is frozen */
        post: operations["DocumentsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Return to drafting with a note (advisers): from in review or approved */
        post: operations["DocumentsController_returnToDrafting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/transmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transmit an approved document (advisers): records to whom, when and the text hash */
        post: operations["DocumentsController_transmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revise a transmitted document: a new drafting document with the same content */
        post: operations["DocumentsController_revise"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Frozen versions, newest first (without their text) */
        get: operations["DocumentVersionsController_list"];
        put?: never;
        /** Save a version: freeze the current text (plain text, HTML, sha256) */
        post: operations["DocumentVersionsController_save"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version with its plain text and sanitised HTML */
        get: operations["DocumentVersionsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/versions/{number}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PDF of a version: reference, classification banner on every page, hash (audited) */
        get: operations["DocumentVersionsController_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Word diff between two versions’ plain text */
        get: operations["DocumentVersionsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/documents/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the transmitted text’s sha256 and compare */
        get: operations["DocumentVersionsController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recommendations of a case, in the order they were made */
        get: operations["RecommendationsController_list"];
        put?: never;
        /** Draft a recommendation on a case (members and advisers) */
        post: operations["RecommendationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One recommendation with the history of its status changes */
        get: operations["RecommendationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a draft recommendation; send the version you read (409 with currentVersion if stale) */
        patch: operations["RecommendationsController_update"];
        trace?: never;
    };
    "/api/recommendations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a draft recommendation (advisers) */
        post: operations["RecommendationsController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations/{id}/transmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that an approved recommendation was transmitted (advisers) */
        post: operations["RecommendationsController_transmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations/{id}/implemented": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a transmitted recommendation was implemented (advisers) */
        post: operations["RecommendationsController_implemented"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recommendations/{id}/declined": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that a recommendation was declined: dropped by an adviser before transmission, or declined by its addressee */
        post: operations["RecommendationsController_declined"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/engagements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Engagements of a case, newest date first, with overdue follow-ups flagged */
        get: operations["EngagementsController_list"];
        put?: never;
        /** Record an engagement with a partner (members and advisers) */
        post: operations["EngagementsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/engagements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an engagement or mark its follow-up done; send the version you read (409 with currentVersion if stale) */
        patch: operations["EngagementsController_update"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HealthResponse: {
            /** @enum {string} */
            status: "ok" | "error";
            /** @enum {string} */
            database: "up" | "down";
        };
        LivenessResponse: {
            /** @enum {string} */
            status: "ok";
        };
        LoginDto: {
            /** @example analyst@vigil.test */
            email: string;
            /** @example vigil-demo */
            password: string;
        };
        OrganisationSummary: {
            /** Format: uuid */
            id: string;
            name: string;
            acronym: string;
            /** @enum {string} */
            kind: "office" | "un_entity" | "member_state" | "regional_org" | "civil_society";
        };
        UserResponse: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            displayName: string;
            roles: ("analyst" | "adviser" | "framework_team" | "admin")[];
            /** @enum {string} */
            clearance: "unclassified" | "confidential" | "strictly_confidential";
            /** Format: uuid */
            organisationId: string;
            organisation: components["schemas"]["OrganisationSummary"];
            active: boolean;
            /**
             * Format: date-time
             * @description Set while sign-in is locked
             */
            lockedUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SessionResponse: {
            /** @description Bearer token for API calls; short-lived */
            accessToken: string;
            /** @description Seconds until the access token expires */
            expiresIn: number;
            /**
             * Format: date-time
             * @description The absolute end of this session: sign in again after it, whatever the refreshes
             */
            sessionExpiresAt: string;
            user: components["schemas"]["UserResponse"];
        };
        FieldProblemResponse: {
            /** @example email */
            field: string;
            /** @example email must be an email */
            message: string;
        };
        ErrorResponse: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /** @example Validation failed */
            message: string;
            details?: components["schemas"]["FieldProblemResponse"][];
        };
        MeResponse: {
            user: components["schemas"]["UserResponse"];
            /** @description CASL rules packed with packRules() */
            rules: unknown[][];
            /**
             * @description E-mail for notifications
             * @enum {string}
             */
            emailNotifications: "off" | "immediate" | "daily_digest";
        };
        UpdatePreferencesDto: {
            /**
             * @description E-mail for notifications
             * @enum {string}
             */
            emailNotifications: "off" | "immediate" | "daily_digest";
        };
        PreferencesResponse: {
            /**
             * @description E-mail for notifications
             * @enum {string}
             */
            emailNotifications: "off" | "immediate" | "daily_digest";
        };
        UserPageResponse: {
            items: components["schemas"]["UserResponse"][];
            nextCursor: string | null;
        };
        CreateUserDto: {
            /** @example new.analyst@vigil.test */
            email: string;
            /**
             * @description Unique in the organisation, whatever the case
             * @example Amina Diallo
             */
            displayName: string;
            /** @description At least 12 characters and hard to guess: scored by zxcvbn (3 of 4 at least), with the e-mail and name as known words */
            password: string;
            /**
             * @example [
             *       "analyst"
             *     ]
             */
            roles: ("analyst" | "adviser" | "framework_team" | "admin")[];
            /** @enum {string} */
            clearance: "unclassified" | "confidential" | "strictly_confidential";
            /** Format: uuid */
            organisationId: string;
        };
        AccountPerson: {
            /** Format: uuid */
            id: string;
            displayName: string;
            /** Format: email */
            email: string;
        };
        AccountChangeResponse: {
            /** Format: uuid */
            id: string;
            /** @description The account the change is for */
            user: components["schemas"]["AccountPerson"];
            requestedBy: components["schemas"]["AccountPerson"];
            /** @description Roles to grant */
            addRoles: ("adviser" | "admin")[];
            /**
             * @description Clearance to grant; null leaves it as it is
             * @enum {string|null}
             */
            clearance: "unclassified" | "confidential" | "strictly_confidential" | null;
            /**
             * @description The clearance when the change was requested
             * @enum {string}
             */
            previousClearance: "unclassified" | "confidential" | "strictly_confidential";
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected";
            decidedBy: components["schemas"]["AccountPerson"] | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Whether the caller may confirm or reject it now */
            canDecide: boolean;
            /** @description Why the caller may not decide it (shown beside the disabled buttons) */
            cannotDecideReason: string | null;
        };
        UserChangeResponse: {
            /** Format: uuid */
            id: string;
            /** Format: email */
            email: string;
            displayName: string;
            roles: ("analyst" | "adviser" | "framework_team" | "admin")[];
            /** @enum {string} */
            clearance: "unclassified" | "confidential" | "strictly_confidential";
            /** Format: uuid */
            organisationId: string;
            organisation: components["schemas"]["OrganisationSummary"];
            active: boolean;
            /**
             * Format: date-time
             * @description Set while sign-in is locked
             */
            lockedUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The grant held back for another administrator (null when everything applied at once) */
            pendingChange: components["schemas"]["AccountChangeResponse"] | null;
        };
        UpdateUserDto: {
            displayName?: string;
            roles?: ("analyst" | "adviser" | "framework_team" | "admin")[];
            /** @enum {string} */
            clearance?: "unclassified" | "confidential" | "strictly_confidential";
            /** Format: uuid */
            organisationId?: string;
            active?: boolean;
            password?: string;
            /** @description true lifts a sign-in lock before it runs out */
            unlock?: boolean;
        };
        AccountChangePageResponse: {
            items: components["schemas"]["AccountChangeResponse"][];
            nextCursor: string | null;
        };
        OrganisationResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            acronym: string;
            /** @enum {string} */
            kind: "office" | "un_entity" | "member_state" | "regional_org" | "civil_society";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        OrganisationPageResponse: {
            items: components["schemas"]["OrganisationResponse"][];
            nextCursor: string | null;
        };
        CreateOrganisationDto: {
            /** @example Office of the High Commissioner for Human Rights */
            name: string;
            /** @example OHCHR */
            acronym: string;
            /** @enum {string} */
            kind: "office" | "un_entity" | "member_state" | "regional_org" | "civil_society";
        };
        UpdateOrganisationDto: {
            /** @example Office of the High Commissioner for Human Rights */
            name?: string;
            /** @example OHCHR */
            acronym?: string;
            /** @enum {string} */
            kind?: "office" | "un_entity" | "member_state" | "regional_org" | "civil_society";
        };
        AuditEntryResponse: {
            seq: number;
            /** Format: date-time */
            at: string;
            /** Format: uuid */
            actorId: string | null;
            actorEmail: string | null;
            /** @example user.update */
            action: string;
            /** @example user */
            entity: string;
            entityId: string | null;
            /** Format: uuid */
            caseId: string | null;
            /** @description What changed, without the fields listed in withheldFields */
            diff: {
                [key: string]: unknown;
            };
            /** @description Fields that changed whose values you may not read (they are not in diff) */
            withheldFields: string[];
            /** @description True when you may not read the record this entry is about: every value is withheld */
            contentWithheld: boolean;
            requestId: string | null;
            prevHash: string;
            hash: string;
        };
        AuditPageResponse: {
            items: components["schemas"]["AuditEntryResponse"][];
            nextCursor: string | null;
        };
        AuditVerifyResponse: {
            ok: boolean;
            /** @description Entries verified before the first broken one (or all) */
            checked: number;
            firstBrokenSeq: number | null;
            reason: string | null;
        };
        CountryResponse: {
            /** @example KEN */
            code: string;
            /** @example Kenya */
            name: string;
        };
        PersonSummary: {
            /** Format: uuid */
            id: string;
            displayName: string;
        };
        CaseResponse: {
            /** Format: uuid */
            id: string;
            /** @example SIT-2026-0001 */
            reference: string;
            title: string;
            /**
             * @description ISO 3166-1 alpha-3
             * @example KEN
             */
            country: string;
            /** @example Kenya */
            countryName: string;
            summary: string;
            /** @enum {string} */
            classification: "unclassified" | "confidential" | "strictly_confidential";
            /** @enum {string} */
            stage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            /** @enum {string} */
            subState: "steady" | "pending";
            /** @description Send back with PATCH (optimistic lock) */
            version: number;
            /** @enum {string|null} */
            riskLevel: "low" | "moderate" | "high" | "very_high" | null;
            /** @enum {string|null} */
            riskTrend: "deteriorated" | "unchanged" | "improved" | null;
            prioritySituation: boolean;
            /** Format: date-time */
            nextReviewDue: string | null;
            /** @description The next review date has passed */
            reviewOverdue: boolean;
            /** @description Engagements whose follow-up was due before today and is not done */
            overdueFollowUps: number;
            /** Format: uuid */
            leadAnalystId: string | null;
            leadAnalyst: components["schemas"]["PersonSummary"] | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CasePageResponse: {
            items: components["schemas"]["CaseResponse"][];
            nextCursor: string | null;
        };
        CountryCount: {
            country: string;
            countryName: string;
            total: number;
            /**
             * @description The highest stage among its open cases
             * @enum {string}
             */
            highestStage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
        };
        CaseStatsResponse: {
            /**
             * @example {
             *       "monitoring": 3,
             *       "alert": 1
             *     }
             */
            byStage: {
                [key: string]: number;
            };
            byCountry: components["schemas"]["CountryCount"][];
            total: number;
        };
        CreateCaseDto: {
            /** @example Rising intercommunal violence in the north */
            title: string;
            /**
             * @description ISO 3166-1 alpha-3 country code
             * @example KEN
             */
            country: string;
            /** @example Reports of targeted attacks on... */
            summary: string;
            /**
             * @default confidential
             * @enum {string}
             */
            classification: "unclassified" | "confidential" | "strictly_confidential";
            /**
             * Format: uuid
             * @description Defaults to the author when they are an analyst
             */
            leadAnalystId?: string;
        };
        UpdateCaseDto: {
            /** @description The version you last read; a newer one on the server answers 409 */
            version: number;
            /** @example Rising intercommunal violence in the north */
            title?: string;
            /** @example Reports of targeted attacks on... */
            summary?: string;
            /** @enum {string} */
            classification?: "unclassified" | "confidential" | "strictly_confidential";
            /** Format: uuid */
            leadAnalystId?: string;
        };
        CaseMemberResponse: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            email: string;
            /** @enum {string} */
            role: "analyst" | "adviser" | "contributor";
            /** Format: date-time */
            addedAt: string;
        };
        MemberCandidateResponse: {
            /** Format: uuid */
            id: string;
            displayName: string;
            email: string;
            roles: ("analyst" | "adviser" | "framework_team" | "admin")[];
        };
        AddCaseMemberDto: {
            /** Format: uuid */
            userId: string;
            /** @enum {string} */
            role: "analyst" | "adviser" | "contributor";
        };
        WorkflowResponse: {
            /** Format: uuid */
            caseId: string;
            /** @enum {string} */
            stage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            /** @enum {string} */
            subState: "steady" | "pending";
            version: number;
            /** Format: uuid */
            pendingEscalationId: string | null;
            /** @description Events this user may send now */
            allowedEvents: ("PROPOSE" | "APPROVE" | "REJECT" | "WITHDRAW" | "RECORD_REVIEW" | "CLOSE" | "REOPEN")[];
            /** @description Targets this user may propose now */
            proposableStages: ("monitoring" | "alert" | "recommendation" | "mobilisation" | "closed")[];
            /** Format: date-time */
            nextReviewDue: string | null;
        };
        CaseEventResponse: {
            /** @description Position in this case's history, from 1 */
            seq: number;
            /** @example case.transitioned */
            type: string;
            /** Format: uuid */
            actorId: string | null;
            actorName: string | null;
            /** @enum {string|null} */
            fromStage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed" | null;
            /** @enum {string|null} */
            toStage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed" | null;
            payload: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            at: string;
        };
        CaseEventPageResponse: {
            items: components["schemas"]["CaseEventResponse"][];
            nextCursor: string | null;
        };
        RequiredNoteDto: {
            note: string;
        };
        ProposeEscalationDto: {
            /** @enum {string} */
            toStage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            /** @description Why the case should move; shown to the approvers */
            justification: string;
        };
        ApprovalResponse: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            /**
             * Format: email
             * @description The approver's account (e-mail)
             */
            email: string;
            /** Format: date-time */
            at: string;
            note: string | null;
        };
        EscalationResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            caseReference: string;
            caseTitle: string;
            /** @enum {string} */
            fromStage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            /** @enum {string} */
            toStage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            justification: string;
            proposedBy: components["schemas"]["PersonSummary"];
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "withdrawn";
            approvals: components["schemas"]["ApprovalResponse"][];
            approvalsRequired: number;
            decidedBy: components["schemas"]["PersonSummary"] | null;
            decisionNote: string | null;
            /** Format: date-time */
            decidedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** @description Seconds since it was proposed (pending) or until it was decided */
            waitingSeconds: number;
            /** @description Whether the caller may approve it now */
            canApprove: boolean;
        };
        EscalationPageResponse: {
            items: components["schemas"]["EscalationResponse"][];
            nextCursor: string | null;
        };
        DecisionNoteDto: {
            note?: string;
        };
        RatingInputDto: {
            /** @example 7 */
            factor: number;
            /** @description 0 absent … 4 severe */
            rating: number;
            /** @enum {string} */
            confidence: "low" | "medium" | "high";
            rationale?: string;
            evidenceItemIds?: string[];
            /**
             * @example [
             *       "7.14"
             *     ]
             */
            indicatorIds?: string[];
        };
        CreateAssessmentDto: {
            /**
             * @description YYYY-MM; defaults to this month
             * @example 2026-05
             */
            period?: string;
            crimeTypes?: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            /** @description A draft may leave factors unrated */
            ratings: components["schemas"]["RatingInputDto"][];
            /** @enum {string} */
            overallLevel?: "low" | "moderate" | "high" | "very_high";
            flags?: ("risk_alert" | "resolution_opportunity")[];
            summary?: string;
        };
        RatingResponse: {
            factor: number;
            rating: number;
            /** @enum {string} */
            confidence: "low" | "medium" | "high";
            rationale: string;
            evidenceItemIds: string[];
            /**
             * @example [
             *       "7.14"
             *     ]
             */
            indicatorIds: string[];
        };
        AssessmentResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @example 2026-05 */
            period: string;
            /** @enum {string} */
            status: "draft" | "finalised" | "superseded";
            crimeTypes: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            /** @description Factors that apply to these crime types */
            applicableFactors: number[];
            ratings: components["schemas"]["RatingResponse"][];
            /** @enum {string|null} */
            overallLevel: "low" | "moderate" | "high" | "very_high" | null;
            /**
             * @description Computed from the applicable ratings
             * @enum {string}
             */
            computedLevel: "low" | "moderate" | "high" | "very_high";
            /** @description Why the computed level is what it is */
            computedReasons: string[];
            /**
             * @description Against the previous finalised period; set when finalised
             * @enum {string|null}
             */
            trend: "deteriorated" | "unchanged" | "improved" | null;
            flags: ("risk_alert" | "resolution_opportunity")[];
            summary: string;
            /** Format: uuid */
            supersedesId: string | null;
            /** @description Send back with PATCH (optimistic lock) */
            version: number;
            createdBy: components["schemas"]["PersonSummary"];
            finalisedBy: components["schemas"]["PersonSummary"] | null;
            /** Format: date-time */
            finalisedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        AssessmentPageResponse: {
            items: components["schemas"]["AssessmentResponse"][];
            nextCursor: string | null;
        };
        UpdateAssessmentDto: {
            /** @description The version you last read; a newer one on the server answers 409 */
            version: number;
            crimeTypes?: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            /** @description Replaces every rating */
            ratings?: components["schemas"]["RatingInputDto"][];
            /** @enum {string|null} */
            overallLevel?: "low" | "moderate" | "high" | "very_high" | null;
            flags?: ("risk_alert" | "resolution_opportunity")[];
            summary?: string;
        };
        HeatMapFactor: {
            factor: number;
            shortName: string;
        };
        HeatMapRow: {
            /** Format: uuid */
            caseId: string;
            /** Format: uuid */
            assessmentId: string;
            reference: string;
            title: string;
            /** @example KEN */
            country: string;
            /** @example Kenya */
            countryName: string;
            /** @enum {string} */
            stage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            /** @enum {string} */
            overallLevel: "low" | "moderate" | "high" | "very_high";
            /** @enum {string|null} */
            trend: "deteriorated" | "unchanged" | "improved" | null;
            /** @example 2026-05 */
            period: string;
            /**
             * @description Rating per factor number; factors not rated are absent
             * @example {
             *       "1": 3,
             *       "7": 4
             *     }
             */
            ratings: {
                [key: string]: number;
            };
        };
        HeatMapResponse: {
            factors: components["schemas"]["HeatMapFactor"][];
            items: components["schemas"]["HeatMapRow"][];
        };
        FactorEvidenceResponse: {
            factor: number;
            shortName: string;
            /** @description Items you may read, linked to the case, tagged with its indicators */
            newItems: number;
            /** Format: date-time */
            latestItemAt: string | null;
        };
        EvidenceSinceResponse: {
            /**
             * Format: date-time
             * @description When the latest finalised assessment was finalised; null when there is none
             */
            since: string | null;
            /** Format: uuid */
            assessmentId: string | null;
            items: components["schemas"]["FactorEvidenceResponse"][];
        };
        NotificationResponse: {
            /** Format: uuid */
            id: string;
            /** @example review.overdue */
            type: string;
            /** Format: uuid */
            caseId: string | null;
            payload: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            readAt: string | null;
        };
        NotificationPageResponse: {
            items: components["schemas"]["NotificationResponse"][];
            nextCursor: string | null;
            /** @description Unread notifications in all */
            unread: number;
        };
        MarkedResponse: {
            marked: number;
        };
        IndicatorResponse: {
            /** @example 7.14 */
            id: string;
            label: string;
            /**
             * @description unverified: re-key against the published text
             * @enum {string}
             */
            verification: "checked" | "unverified";
        };
        RiskFactorResponse: {
            number: number;
            name: string;
            shortName: string;
            /** @enum {string} */
            scope: "common" | "genocide" | "crimes_against_humanity" | "war_crimes";
            /** @description The published framework may list more indicators */
            furtherIndicatorsUnverified: boolean;
            indicators: components["schemas"]["IndicatorResponse"][];
        };
        FrameworkResponse: {
            factors: components["schemas"]["RiskFactorResponse"][];
        };
        SourceResponse: {
            /** Format: uuid */
            id: string;
            /** @description The name; "Unreadable source: its stored identity cannot be decrypted" when unreadable */
            name: string;
            /** @description True when the stored identity cannot be decrypted (a corrupted value, or a key that does not authenticate it): name says so and contactNotes is empty */
            unreadable: boolean;
            /** @enum {string} */
            kind: "un_entity" | "member_state" | "regional_org" | "civil_society" | "media" | "individual";
            /** @enum {string} */
            reliability: "A" | "B" | "C" | "D" | "E" | "F";
            /** @example usually reliable source */
            reliabilityMeaning: string;
            contactNotes: string;
            itemCount: number;
            version: number;
            /** Format: date-time */
            createdAt: string;
        };
        SourcePageResponse: {
            items: components["schemas"]["SourceResponse"][];
            nextCursor: string | null;
        };
        CreateSourceDto: {
            /** @example OHCHR field office, Goma */
            name: string;
            /** @enum {string} */
            kind: "un_entity" | "member_state" | "regional_org" | "civil_society" | "media" | "individual";
            /** @enum {string} */
            reliability: "A" | "B" | "C" | "D" | "E" | "F";
            /** @description How to reach the source; never shown to those without need */
            contactNotes?: string;
        };
        UpdateSourceDto: {
            /** @description The version you last read; a newer one on the server answers 409 */
            version: number;
            /** @example OHCHR field office, Goma */
            name?: string;
            /** @enum {string} */
            kind?: "un_entity" | "member_state" | "regional_org" | "civil_society" | "media" | "individual";
            /** @enum {string} */
            reliability?: "A" | "B" | "C" | "D" | "E" | "F";
            /** @description How to reach the source; never shown to those without need */
            contactNotes?: string;
        };
        ItemSourceResponse: {
            /** @description False: you may see who the source is */
            protected: boolean;
            /** Format: uuid */
            id: string | null;
            /** @example Protected source */
            name: string;
            /** @description True when you may know the source but its name cannot be decrypted */
            unreadable: boolean;
            /** @enum {string|null} */
            kind: "un_entity" | "member_state" | "regional_org" | "civil_society" | "media" | "individual" | null;
            /** @enum {string} */
            reliability: "A" | "B" | "C" | "D" | "E" | "F";
        };
        CaseLink: {
            /** Format: uuid */
            id: string;
            /** @example SIT-2026-0001 */
            reference: string;
        };
        TextSegment: {
            text: string;
            match: boolean;
        };
        ItemSummaryResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @example KEN */
            country: string;
            /** @example Kenya */
            countryName: string;
            placeName: string | null;
            /** Format: date */
            eventDate: string;
            /** Format: date */
            receivedDate: string;
            /** @enum {string} */
            kind: "incident" | "report" | "statement" | "speech" | "media" | "other";
            crimeTypes: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            indicatorIds: string[];
            source: components["schemas"]["ItemSourceResponse"];
            credibility: number;
            /** @example B2 */
            grade: string;
            /** @example usually reliable source; information probably true */
            gradeMeaning: string;
            /** @enum {string} */
            classification: "unclassified" | "confidential" | "strictly_confidential";
            /** @enum {string|null} */
            eventType: "battles" | "explosions_remote_violence" | "violence_against_civilians" | "protests" | "riots" | "strategic_developments" | null;
            /** @description Linked cases you may read */
            cases: components["schemas"]["CaseLink"][];
            /** @description The title, matched words marked */
            titleHighlight: components["schemas"]["TextSegment"][];
            /** @description Passages of the description around matches */
            snippet: components["schemas"]["TextSegment"][];
            version: number;
            /** Format: date-time */
            updatedAt: string;
        };
        ItemPageResponse: {
            items: components["schemas"]["ItemSummaryResponse"][];
            nextCursor: string | null;
        };
        ItemCountResponse: {
            /** @description Matching items you may read, counted up to 1,000 */
            total: number;
            /** @description True when there are more than `total` */
            capped: boolean;
        };
        CreateItemDto: {
            /** @example Militia checkpoints set up around Kigoma villages */
            title?: string;
            description?: string;
            /**
             * @description ISO 3166-1 alpha-3 country code
             * @example KEN
             */
            country?: string;
            adminArea?: string | null;
            placeName?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            /**
             * Format: date
             * @example 2026-10-30
             */
            eventDate?: string;
            /**
             * Format: date
             * @description Defaults to today
             */
            receivedDate?: string;
            /** @enum {string} */
            kind?: "incident" | "report" | "statement" | "speech" | "media" | "other";
            crimeTypes?: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            /**
             * @example [
             *       "Masalit"
             *     ]
             */
            affectedGroups?: string[];
            /**
             * @example [
             *       "7.14",
             *       "1.11"
             *     ]
             */
            indicatorIds?: string[];
            /** Format: uuid */
            sourceId?: string;
            /**
             * @description 1 confirmed … 6 cannot be judged
             * @enum {number}
             */
            credibility?: 1 | 2 | 3 | 4 | 5 | 6;
            /** @enum {string} */
            consent?: "yes" | "no" | "not_applicable";
            /** @enum {string} */
            classification?: "unclassified" | "confidential" | "strictly_confidential";
            caseIds?: string[];
            /** @enum {string|null} */
            eventType?: "battles" | "explosions_remote_violence" | "violence_against_civilians" | "protests" | "riots" | "strategic_developments" | null;
            /** @enum {string|null} */
            eventSubtype?: "attack" | "sexual_violence" | "abduction_forced_disappearance" | null;
            actorTypes?: ("state_forces" | "rebel_groups" | "political_militias" | "identity_militias" | "rioters" | "protesters" | "civilians" | "external_forces")[];
            /** @enum {number|null} */
            timePrecision?: 1 | 2 | 3 | null;
            /** @enum {number|null} */
            geoPrecision?: 1 | 2 | 3 | null;
        };
        AttachmentResponse: {
            /** Format: uuid */
            id: string;
            fileName: string;
            /** @example application/pdf */
            mediaType: string;
            sizeBytes: number;
            /** @example 9f86d081884c7d65… */
            sha256: string;
            uploadedBy: components["schemas"]["PersonSummary"];
            /** Format: date-time */
            createdAt: string;
        };
        RabatPartResponse: {
            /** @enum {string} */
            part: "context" | "speaker" | "intent" | "content_and_form" | "extent" | "likelihood_imminence";
            label: string;
            met: boolean;
            note: string;
        };
        SpeechAssessmentResponse: {
            speaker: string;
            speakerStatus: string;
            audience: string;
            targetGroup: string;
            medium: string;
            reach: string;
            hallmarks: ("dehumanisation" | "accusation_in_a_mirror" | "threat_to_group_integrity" | "assertion_of_attack_on_women" | "questioning_in_group_loyalty" | "call_to_violence" | "coded_language")[];
            parts: components["schemas"]["RabatPartResponse"][];
            /** @enum {string} */
            level: "of_concern" | "civil_or_administrative" | "incitement";
            /** @example May warrant civil or administrative action */
            levelLabel: string;
            reasons: string[];
            version: number;
            assessedBy: components["schemas"]["PersonSummary"];
            /** Format: date-time */
            assessedAt: string;
        };
        ItemResponse: {
            /** Format: uuid */
            id: string;
            title: string;
            /** @example KEN */
            country: string;
            /** @example Kenya */
            countryName: string;
            placeName: string | null;
            /** Format: date */
            eventDate: string;
            /** Format: date */
            receivedDate: string;
            /** @enum {string} */
            kind: "incident" | "report" | "statement" | "speech" | "media" | "other";
            crimeTypes: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            indicatorIds: string[];
            source: components["schemas"]["ItemSourceResponse"];
            credibility: number;
            /** @example B2 */
            grade: string;
            /** @example usually reliable source; information probably true */
            gradeMeaning: string;
            /** @enum {string} */
            classification: "unclassified" | "confidential" | "strictly_confidential";
            /** @enum {string|null} */
            eventType: "battles" | "explosions_remote_violence" | "violence_against_civilians" | "protests" | "riots" | "strategic_developments" | null;
            /** @description Linked cases you may read */
            cases: components["schemas"]["CaseLink"][];
            /** @description The title, matched words marked */
            titleHighlight: components["schemas"]["TextSegment"][];
            /** @description Passages of the description around matches */
            snippet: components["schemas"]["TextSegment"][];
            version: number;
            /** Format: date-time */
            updatedAt: string;
            description: string;
            adminArea: string | null;
            latitude: number | null;
            longitude: number | null;
            affectedGroups: string[];
            /** @enum {string} */
            consent: "yes" | "no" | "not_applicable";
            /** @enum {string|null} */
            eventSubtype: "attack" | "sexual_violence" | "abduction_forced_disappearance" | null;
            actorTypes: ("state_forces" | "rebel_groups" | "political_militias" | "identity_militias" | "rioters" | "protesters" | "civilians" | "external_forces")[];
            /** @enum {number|null} */
            timePrecision: 1 | 2 | 3 | null;
            /** @enum {number|null} */
            geoPrecision: 1 | 2 | 3 | null;
            attachments: components["schemas"]["AttachmentResponse"][];
            speechAssessment: components["schemas"]["SpeechAssessmentResponse"] | null;
            createdBy: components["schemas"]["PersonSummary"];
            /** Format: date-time */
            createdAt: string;
            /** @description You may edit this item */
            canEdit: boolean;
        };
        UpdateItemDto: {
            /** @example Militia checkpoints set up around Kigoma villages */
            title?: string;
            description?: string;
            /**
             * @description ISO 3166-1 alpha-3 country code
             * @example KEN
             */
            country?: string;
            adminArea?: string | null;
            placeName?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            /**
             * Format: date
             * @example 2026-10-30
             */
            eventDate?: string;
            /**
             * Format: date
             * @description Defaults to today
             */
            receivedDate?: string;
            /** @enum {string} */
            kind?: "incident" | "report" | "statement" | "speech" | "media" | "other";
            crimeTypes?: ("genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement")[];
            /**
             * @example [
             *       "Masalit"
             *     ]
             */
            affectedGroups?: string[];
            /**
             * @example [
             *       "7.14",
             *       "1.11"
             *     ]
             */
            indicatorIds?: string[];
            /** Format: uuid */
            sourceId?: string;
            /**
             * @description 1 confirmed … 6 cannot be judged
             * @enum {number}
             */
            credibility?: 1 | 2 | 3 | 4 | 5 | 6;
            /** @enum {string} */
            consent?: "yes" | "no" | "not_applicable";
            /** @enum {string} */
            classification?: "unclassified" | "confidential" | "strictly_confidential";
            caseIds?: string[];
            /** @enum {string|null} */
            eventType?: "battles" | "explosions_remote_violence" | "violence_against_civilians" | "protests" | "riots" | "strategic_developments" | null;
            /** @enum {string|null} */
            eventSubtype?: "attack" | "sexual_violence" | "abduction_forced_disappearance" | null;
            actorTypes?: ("state_forces" | "rebel_groups" | "political_militias" | "identity_militias" | "rioters" | "protesters" | "civilians" | "external_forces")[];
            /** @enum {number|null} */
            timePrecision?: 1 | 2 | 3 | null;
            /** @enum {number|null} */
            geoPrecision?: 1 | 2 | 3 | null;
            /** @description The version you last read; a newer one on the server answers 409 */
            version: number;
        };
        RabatPartDto: {
            /** @enum {string} */
            part: "context" | "speaker" | "intent" | "content_and_form" | "extent" | "likelihood_imminence";
            met: boolean;
            note?: string;
        };
        SpeechAssessmentDto: {
            speaker: string;
            speakerStatus?: string;
            audience?: string;
            targetGroup: string;
            medium?: string;
            reach?: string;
            hallmarks?: ("dehumanisation" | "accusation_in_a_mirror" | "threat_to_group_integrity" | "assertion_of_attack_on_women" | "questioning_in_group_loyalty" | "call_to_violence" | "coded_language")[];
            /** @description Each of the six parts, once */
            parts: components["schemas"]["RabatPartDto"][];
            /** @description The version you last read, when changing an assessment */
            version?: number;
        };
        CommentPerson: {
            /** Format: uuid */
            id: string;
            displayName: string;
            /** @example OHCHR */
            organisationAcronym: string;
        };
        CommentMention: {
            /** Format: uuid */
            id: string;
            displayName: string;
        };
        CommentResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @enum {string} */
            thread: "internal" | "framework_team";
            /** Format: uuid */
            parentId: string | null;
            author: components["schemas"]["CommentPerson"];
            /** @description Markdown source ('' once deleted) */
            body: string;
            /** @description Rendered and sanitised HTML ('' once deleted) */
            bodyHtml: string;
            mentions: components["schemas"]["CommentMention"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            editedAt: string | null;
            /** Format: date-time */
            deletedAt: string | null;
            deleted: boolean;
        };
        CommentPageResponse: {
            items: components["schemas"]["CommentResponse"][];
            nextCursor: string | null;
        };
        MentionableResponse: {
            items: components["schemas"]["CommentPerson"][];
        };
        CreateCommentDto: {
            /** @description Markdown source */
            body: string;
            /** @description Users to notify; each must be able to read the thread */
            mentions?: string[];
            /** @enum {string} */
            thread: "internal" | "framework_team";
            /**
             * Format: uuid
             * @description A top-level comment of the same thread
             */
            parentId?: string;
        };
        UpdateCommentDto: {
            /** @description Markdown source */
            body: string;
            /** @description Users to notify; each must be able to read the thread */
            mentions?: string[];
        };
        ApprovedRecommendation: {
            /** Format: uuid */
            id: string;
            addresseeName: string;
            /** @enum {string} */
            addresseeKind: "secretary_general" | "security_council" | "member_state" | "regional_org" | "un_entity" | "other";
            /** @enum {string} */
            actionType: "public_statement" | "quiet_diplomacy" | "convene_usgs" | "mission" | "technical_assistance" | "training";
            text: string;
            /** @enum {string} */
            status: "approved" | "transmitted" | "implemented";
            /** Format: date */
            dueDate: string | null;
        };
        OrganisationEndorsementCount: {
            /** Format: uuid */
            organisationId: string;
            /** @example OHCHR */
            acronym: string;
            name: string;
            count: number;
        };
        EndorsementCounts: {
            total: number;
            byOrganisation: components["schemas"]["OrganisationEndorsementCount"][];
        };
        MyEndorsement: {
            note: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PrioritySituationResponse: {
            /** Format: uuid */
            id: string;
            /** @example SIT-2026-0001 */
            reference: string;
            title: string;
            /**
             * @description ISO 3166-1 alpha-3
             * @example KEN
             */
            country: string;
            /** @enum {string} */
            stage: "monitoring" | "alert" | "recommendation" | "mobilisation" | "closed";
            /** @enum {string|null} */
            riskLevel: "low" | "moderate" | "high" | "very_high" | null;
            /** @enum {string|null} */
            riskTrend: "deteriorated" | "unchanged" | "improved" | null;
            summary: string;
            /** @description Recommendations approved by an adviser (and those since transmitted or implemented) */
            approvedRecommendations: components["schemas"]["ApprovedRecommendation"][];
            endorsements: components["schemas"]["EndorsementCounts"];
            myEndorsement: components["schemas"]["MyEndorsement"] | null;
            /** Format: date-time */
            updatedAt: string;
        };
        PrioritySituationPageResponse: {
            items: components["schemas"]["PrioritySituationResponse"][];
            nextCursor: string | null;
        };
        EndorsementDto: {
            note: string;
        };
        EndorsementResponse: {
            note: string;
            /** Format: date-time */
            updatedAt: string;
            /**
             * Format: uuid
             * @description The organisation it counts for
             */
            organisationId: string;
        };
        SetPrioritySituationDto: {
            /** @description true: shared with the Framework Team; false: no longer shared */
            shared: boolean;
        };
        EndorsingOrganisation: {
            /** Format: uuid */
            id: string;
            acronym: string;
            name: string;
        };
        CaseEndorsement: {
            /** Format: uuid */
            userId: string;
            displayName: string;
            organisation: components["schemas"]["EndorsingOrganisation"];
            note: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CaseEndorsementsResponse: {
            items: components["schemas"]["CaseEndorsement"][];
            byOrganisation: components["schemas"]["OrganisationEndorsementCount"][];
            total: number;
        };
        CreateDocumentDto: {
            /** @enum {string} */
            kind: "early_warning_note" | "advice_to_sg" | "public_statement" | "briefing";
            /** @example Advice on the situation in the north */
            title: string;
        };
        DocumentPerson: {
            /** Format: uuid */
            id: string;
            displayName: string;
        };
        FourEyesBlock: {
            /** @enum {string} */
            transition: "submit" | "approve" | "return" | "transmit";
            /** @example You submitted this document for review: another adviser must approve it. */
            reason: string;
        };
        DocumentResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** @enum {string} */
            kind: "early_warning_note" | "advice_to_sg" | "public_statement" | "briefing";
            title: string;
            /** @enum {string} */
            status: "drafting" | "in_review" | "approved" | "transmitted";
            /** Format: uuid */
            revisionOf: string | null;
            /** Format: uuid */
            revisionId: string | null;
            version: number;
            createdBy: components["schemas"]["DocumentPerson"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            transmittedTo: string | null;
            /** Format: date-time */
            transmittedAt: string | null;
            transmittedSha256: string | null;
            canEdit: boolean;
            allowedTransitions: ("submit" | "approve" | "return" | "transmit")[];
            needsAnotherAdviser: components["schemas"]["FourEyesBlock"][];
        };
        DocumentPageResponse: {
            items: components["schemas"]["DocumentResponse"][];
            nextCursor: string | null;
        };
        DocumentStepDto: {
            version?: number;
            note?: string;
        };
        ReturnDocumentDto: {
            version?: number;
            /** @description Why it goes back to drafting */
            note: string;
        };
        TransmitDocumentDto: {
            version?: number;
            /** @example Secretary-General */
            recipient: string;
            note?: string;
        };
        DocumentVersionResponse: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            reason: "saved" | "submitted" | "approved" | "transmitted" | "returned";
            /** @enum {string} */
            status: "drafting" | "in_review" | "approved" | "transmitted";
            /** @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 */
            sha256: string;
            createdBy: components["schemas"]["DocumentPerson"];
            /** Format: date-time */
            createdAt: string;
            text: string;
            /** @description Sanitised HTML, safe to insert as is */
            html: string;
        };
        DocumentVersionSummary: {
            /** Format: uuid */
            id: string;
            number: number;
            /** @enum {string} */
            reason: "saved" | "submitted" | "approved" | "transmitted" | "returned";
            /** @enum {string} */
            status: "drafting" | "in_review" | "approved" | "transmitted";
            /** @example e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 */
            sha256: string;
            createdBy: components["schemas"]["DocumentPerson"];
            /** Format: date-time */
            createdAt: string;
        };
        DocumentVersionPageResponse: {
            items: components["schemas"]["DocumentVersionSummary"][];
            nextCursor: string | null;
        };
        DiffPart: {
            /** @enum {string} */
            kind: "same" | "added" | "removed";
            text: string;
        };
        DocumentDiffResponse: {
            from: number;
            to: number;
            parts: components["schemas"]["DiffPart"][];
        };
        DocumentVerifyResponse: {
            sha256Stored: string;
            sha256Computed: string;
            matches: boolean;
            contentMatches: boolean;
            versionNumber: number;
        };
        CreateRecommendationDto: {
            /** @enum {string} */
            addresseeKind: "secretary_general" | "security_council" | "member_state" | "regional_org" | "un_entity" | "other";
            /** Format: uuid */
            addresseeOrganisationId?: string | null;
            addresseeName: string;
            /** @enum {string} */
            actionType: "public_statement" | "quiet_diplomacy" | "convene_usgs" | "mission" | "technical_assistance" | "training";
            text: string;
            /**
             * Format: date
             * @example 2026-12-31
             */
            dueDate?: string | null;
            /** Format: uuid */
            documentId?: string | null;
        };
        PartnerOrganisation: {
            /** Format: uuid */
            id: string;
            /** @example OHCHR */
            acronym: string;
            name: string;
        };
        RecommendationStatusChange: {
            /** @enum {string|null} */
            fromStatus: "draft" | "approved" | "transmitted" | "implemented" | "declined" | null;
            /** @enum {string} */
            toStatus: "draft" | "approved" | "transmitted" | "implemented" | "declined";
            note: string | null;
            actor: components["schemas"]["PersonSummary"] | null;
            /** Format: date-time */
            at: string;
        };
        RecommendationDetailResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** Format: uuid */
            documentId: string | null;
            /** @enum {string} */
            addresseeKind: "secretary_general" | "security_council" | "member_state" | "regional_org" | "un_entity" | "other";
            addresseeOrganisation: components["schemas"]["PartnerOrganisation"] | null;
            addresseeName: string;
            /** @enum {string} */
            actionType: "public_statement" | "quiet_diplomacy" | "convene_usgs" | "mission" | "technical_assistance" | "training";
            text: string;
            /** Format: date */
            dueDate: string | null;
            /** @enum {string} */
            status: "draft" | "approved" | "transmitted" | "implemented" | "declined";
            /** @description Status changes the status allows next (advisers record them) */
            nextActions: ("approve" | "transmit" | "implemented" | "declined")[];
            /** @description Send back with PATCH (optimistic lock) */
            version: number;
            createdBy: components["schemas"]["PersonSummary"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            history: components["schemas"]["RecommendationStatusChange"][];
        };
        RecommendationResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            /** Format: uuid */
            documentId: string | null;
            /** @enum {string} */
            addresseeKind: "secretary_general" | "security_council" | "member_state" | "regional_org" | "un_entity" | "other";
            addresseeOrganisation: components["schemas"]["PartnerOrganisation"] | null;
            addresseeName: string;
            /** @enum {string} */
            actionType: "public_statement" | "quiet_diplomacy" | "convene_usgs" | "mission" | "technical_assistance" | "training";
            text: string;
            /** Format: date */
            dueDate: string | null;
            /** @enum {string} */
            status: "draft" | "approved" | "transmitted" | "implemented" | "declined";
            /** @description Status changes the status allows next (advisers record them) */
            nextActions: ("approve" | "transmit" | "implemented" | "declined")[];
            /** @description Send back with PATCH (optimistic lock) */
            version: number;
            createdBy: components["schemas"]["PersonSummary"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        RecommendationPageResponse: {
            items: components["schemas"]["RecommendationResponse"][];
            nextCursor: string | null;
        };
        UpdateRecommendationDto: {
            /** @description The version you last read; a newer one on the server answers 409 */
            version: number;
            /** @enum {string} */
            addresseeKind?: "secretary_general" | "security_council" | "member_state" | "regional_org" | "un_entity" | "other";
            /** Format: uuid */
            addresseeOrganisationId?: string | null;
            addresseeName?: string;
            /** @enum {string} */
            actionType?: "public_statement" | "quiet_diplomacy" | "convene_usgs" | "mission" | "technical_assistance" | "training";
            text?: string;
            /**
             * Format: date
             * @example 2026-12-31
             */
            dueDate?: string | null;
            /** Format: uuid */
            documentId?: string | null;
        };
        RecommendationStatusDto: {
            note?: string;
        };
        CreateEngagementDto: {
            /** Format: uuid */
            organisationId: string;
            /** @enum {string} */
            kind: "meeting" | "letter" | "briefing" | "call" | "mission";
            /**
             * Format: date
             * @example 2026-10-30
             */
            date: string;
            summary: string;
            outcome?: string | null;
            /** Format: date */
            followUpDue?: string | null;
        };
        EngagementResponse: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            caseId: string;
            organisation: components["schemas"]["PartnerOrganisation"];
            /** @enum {string} */
            kind: "meeting" | "letter" | "briefing" | "call" | "mission";
            /** Format: date */
            date: string;
            summary: string;
            outcome: string | null;
            /** Format: date */
            followUpDue: string | null;
            /** Format: date-time */
            followUpDoneAt: string | null;
            /** @description The follow-up was due before today and is not done */
            followUpOverdue: boolean;
            /** @description Send back with PATCH (optimistic lock) */
            version: number;
            createdBy: components["schemas"]["PersonSummary"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        EngagementPageResponse: {
            items: components["schemas"]["EngagementResponse"][];
            nextCursor: string | null;
        };
        UpdateEngagementDto: {
            /** @description The version you last read; a newer one on the server answers 409 */
            version: number;
            /** Format: uuid */
            organisationId?: string;
            /** @enum {string} */
            kind?: "meeting" | "letter" | "briefing" | "call" | "mission";
            /**
             * Format: date
             * @example 2026-10-30
             */
            date?: string;
            summary?: string;
            outcome?: string | null;
            /** Format: date */
            followUpDue?: string | null;
            followUpDone?: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResponse"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description Wrong credentials, locked or deactivated */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeResponse"];
                };
            };
        };
    };
    AuthController_updatePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreferencesResponse"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageResponse"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserChangeResponse"];
                };
            };
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserResponse"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserChangeResponse"];
                };
            };
        };
    };
    AccountChangesController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                status?: "pending" | "confirmed" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountChangePageResponse"];
                };
            };
        };
    };
    AccountChangesController_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountChangeResponse"];
                };
            };
            /** @description Your own request or your own account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AccountChangesController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountChangeResponse"];
                };
            };
            /** @description Your own request or your own account */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    OrganisationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPageResponse"];
                };
            };
        };
    };
    OrganisationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrganisationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationResponse"];
                };
            };
        };
    };
    OrganisationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrganisationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationResponse"];
                };
            };
        };
    };
    AuditLogController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                action?: string;
                entity?: string;
                entityId?: string;
                actorId?: string;
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageResponse"];
                };
            };
        };
    };
    AuditLogController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerifyResponse"];
                };
            };
        };
    };
    CasesController_countries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CountryResponse"][];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Comma-separated stages */
                stage?: string[];
                country?: string;
                leadAnalystId?: string;
                /** @description Only cases whose review is overdue */
                overdue?: boolean;
                /** @description Only priority situations (shared with the Framework Team) */
                priority?: boolean;
                /** @description Words in the title or summary */
                q?: string;
                sort?: "updatedAt" | "reference" | "title" | "nextReviewDue";
                order?: "asc" | "desc";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CasePageResponse"];
                };
            };
        };
    };
    CasesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasesController_stats: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Comma-separated stages */
                stage?: string[];
                country?: string;
                leadAnalystId?: string;
                /** @description Only cases whose review is overdue */
                overdue?: boolean;
                /** @description Only priority situations (shared with the Framework Team) */
                priority?: boolean;
                /** @description Words in the title or summary */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseStatsResponse"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCaseDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CasesController_members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseMemberResponse"][];
                };
            };
        };
    };
    CasesController_addMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCaseMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseMemberResponse"][];
                };
            };
        };
    };
    CasesController_memberCandidates: {
        parameters: {
            query?: {
                /** @description Matches display name or e-mail, case-insensitively */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberCandidateResponse"][];
                };
            };
        };
    };
    CasesController_removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    WorkflowController_describe: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowResponse"];
                };
            };
        };
    };
    WorkflowController_timeline: {
        parameters: {
            query?: {
                /** @description Return entries after this seq (0: from the start) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventPageResponse"];
                };
            };
        };
    };
    WorkflowController_review: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequiredNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowResponse"];
                };
            };
        };
    };
    WorkflowController_reopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequiredNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkflowResponse"];
                };
            };
        };
    };
    EscalationsController_propose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProposeEscalationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponse"];
                };
            };
            /** @description Not allowed now (the reason says why) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                status?: "pending" | "approved" | "rejected" | "withdrawn";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationPageResponse"];
                };
            };
        };
    };
    EscalationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponse"];
                };
            };
        };
    };
    EscalationsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponse"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationsController_reject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponse"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EscalationsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DecisionNoteDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EscalationResponse"];
                };
            };
            /** @description Not the proposer */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No longer pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AssessmentsController_history: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentPageResponse"];
                };
            };
        };
    };
    AssessmentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAssessmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentResponse"];
                };
            };
            /** @description The month has a draft or a finalised one */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AssessmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentResponse"];
                };
            };
        };
    };
    AssessmentsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAssessmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentResponse"];
                };
            };
            /** @description Stale version, or not a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AssessmentsController_finalise: {
        parameters: {
            query?: {
                /** @description The version you reviewed; if the draft changed since, 409 with currentVersion */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentResponse"];
                };
            };
            /** @description Incomplete, stale, or not a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    AssessmentsController_supersede: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssessmentResponse"];
                };
            };
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RiskOverviewController_heatMap: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeatMapResponse"];
                };
            };
        };
    };
    RiskOverviewController_evidenceSince: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceSinceResponse"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Only unread ones */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageResponse"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedResponse"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationResponse"];
                };
            };
        };
    };
    FrameworkController_framework: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkResponse"];
                };
            };
        };
    };
    SourcesController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Words of the name: each word typed must be a word of the name or the start of one (at least 3 letters; accents and case ignored). Names are encrypted at rest and matched through a keyed blind index, so a part from the middle of a word does not match. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourcePageResponse"];
                };
            };
        };
    };
    SourcesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSourceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceResponse"];
                };
            };
        };
    };
    SourcesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceResponse"];
                };
            };
        };
    };
    SourcesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSourceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SourceResponse"];
                };
            };
        };
    };
    InformationItemsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Words to find; "a phrase", or, -excluded are understood; any text is accepted */
                q?: string;
                country?: string;
                caseId?: string;
                indicatorId?: string;
                crimeType?: "genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement";
                /** @description A to F; several allowed */
                reliability?: ("A" | "B" | "C" | "D" | "E" | "F")[];
                /** @description 1 to 6; several allowed */
                credibility?: (1 | 2 | 3 | 4 | 5 | 6)[];
                kind?: ("incident" | "report" | "statement" | "speech" | "media" | "other")[];
                /** @description Event date from (inclusive) */
                from?: string;
                /** @description Event date to (inclusive) */
                to?: string;
                /** @description eventDate: newest first; relevance (with q): best match among the 2,000 newest matches */
                sort?: "eventDate" | "relevance";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemPageResponse"];
                };
            };
        };
    };
    InformationItemsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateItemDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponse"];
                };
            };
        };
    };
    InformationItemsController_count: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Words to find; "a phrase", or, -excluded are understood; any text is accepted */
                q?: string;
                country?: string;
                caseId?: string;
                indicatorId?: string;
                crimeType?: "genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement";
                /** @description A to F; several allowed */
                reliability?: ("A" | "B" | "C" | "D" | "E" | "F")[];
                /** @description 1 to 6; several allowed */
                credibility?: (1 | 2 | 3 | 4 | 5 | 6)[];
                kind?: ("incident" | "report" | "statement" | "speech" | "media" | "other")[];
                /** @description Event date from (inclusive) */
                from?: string;
                /** @description Event date to (inclusive) */
                to?: string;
                /** @description eventDate: newest first; relevance (with q): best match among the 2,000 newest matches */
                sort?: "eventDate" | "relevance";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemCountResponse"];
                };
            };
        };
    };
    InformationItemsController_exportCsv: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                /** @description Words to find; "a phrase", or, -excluded are understood; any text is accepted */
                q?: string;
                country?: string;
                caseId?: string;
                indicatorId?: string;
                crimeType?: "genocide" | "war_crimes" | "ethnic_cleansing" | "crimes_against_humanity" | "incitement";
                /** @description A to F; several allowed */
                reliability?: ("A" | "B" | "C" | "D" | "E" | "F")[];
                /** @description 1 to 6; several allowed */
                credibility?: (1 | 2 | 3 | 4 | 5 | 6)[];
                kind?: ("incident" | "report" | "statement" | "speech" | "media" | "other")[];
                /** @description Event date from (inclusive) */
                from?: string;
                /** @description Event date to (inclusive) */
                to?: string;
                /** @description eventDate: newest first; relevance (with q): best match among the 2,000 newest matches */
                sort?: "eventDate" | "relevance";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV, UTF-8 with a byte-order mark */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    InformationItemsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponse"];
                };
            };
        };
    };
    InformationItemsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateItemDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponse"];
                };
            };
        };
    };
    InformationItemsController_saveSpeech: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SpeechAssessmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemResponse"];
                };
            };
        };
    };
    InformationItemsController_attach: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentResponse"];
                };
            };
        };
    };
    InformationItemsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                attachmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, with its sha256 in x-content-sha256 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CommentsController_list: {
        parameters: {
            query: {
                thread: "internal" | "framework_team";
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPageResponse"];
                };
            };
            /** @description No such case, or a hidden thread */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentResponse"];
                };
            };
            /** @description Bad reply target or mention */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such case, or a hidden thread */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommentsController_mentionable: {
        parameters: {
            query: {
                thread: "internal" | "framework_team";
                /** @description Matches the display name, case-insensitively */
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MentionableResponse"];
                };
            };
            /** @description No such case, or a hidden thread */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommentsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentResponse"];
                };
            };
            /** @description No such case, or a hidden thread */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Already deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    CommentsController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentResponse"];
                };
            };
            /** @description No such case, or a hidden thread */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The comment was deleted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrioritySituationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrioritySituationPageResponse"];
                };
            };
        };
    };
    PrioritySituationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PrioritySituationResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    PrioritySituationsController_timeline: {
        parameters: {
            query?: {
                /** @description Return entries after this seq (0: from the start) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventPageResponse"];
                };
            };
        };
    };
    PrioritySituationsController_endorse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EndorsementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EndorsementResponse"];
                };
            };
        };
    };
    PrioritySituationsController_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CasePriorityController_setPriority: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetPrioritySituationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseResponse"];
                };
            };
        };
    };
    CasePriorityController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEndorsementsResponse"];
                };
            };
        };
    };
    DocumentsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentPageResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDocumentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentStepDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not in drafting, or stale version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The document is nested too deeply to freeze (stored before the limits) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DocumentStepDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description Not an adviser of this case */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not in review, or stale version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The document is nested too deeply to freeze (stored before the limits) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_returnToDrafting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnDocumentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not in review or approved */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The document is nested too deeply to freeze (stored before the limits) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_transmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransmitDocumentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not approved, or stale version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The document is nested too deeply to freeze (stored before the limits) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentsController_revise: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentResponse"];
                };
            };
            /** @description No such case or document, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not transmitted, or already revised */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentVersionsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionPageResponse"];
                };
            };
            /** @description No such document or version, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentVersionsController_save: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionResponse"];
                };
            };
            /** @description No such document or version, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The text is frozen (approved or transmitted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The document is nested too deeply to freeze (stored before the limits) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentVersionsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVersionResponse"];
                };
            };
            /** @description No such document or version, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentVersionsController_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                number: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF, with the version sha256 in x-content-sha256 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such document or version, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Over the size budget */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Over the time budget, or nested too deeply to lay out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every render thread busy and the queue full (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentVersionsController_diff: {
        parameters: {
            query: {
                from: number;
                to: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentDiffResponse"];
                };
            };
            /** @description No such document or version, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Over the size budget */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Over the time budget, or nested too deeply to lay out */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Every render thread busy and the queue full (Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    DocumentVersionsController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentVerifyResponse"];
                };
            };
            /** @description No such document or version, or hidden */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Not transmitted */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RecommendationsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
                status?: "draft" | "approved" | "transmitted" | "implemented" | "declined";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationPageResponse"];
                };
            };
        };
    };
    RecommendationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRecommendationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
        };
    };
    RecommendationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
        };
    };
    RecommendationsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRecommendationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
            /** @description Stale version, or no longer a draft */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RecommendationsController_approve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendationStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RecommendationsController_transmit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendationStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RecommendationsController_implemented: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendationStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    RecommendationsController_declined: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecommendationStatusDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecommendationDetailResponse"];
                };
            };
            /** @description Not allowed from the current status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    EngagementsController_list: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementPageResponse"];
                };
            };
        };
    };
    EngagementsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEngagementDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementResponse"];
                };
            };
        };
    };
    EngagementsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEngagementDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EngagementResponse"];
                };
            };
            /** @description Stale version */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
