package app.convene.budget.api;

/** The descriptions the API document repeats, written once. */
final class Descriptions {
    /** 404: another organisation's event, or one the caller may not see (confidential), or one not known yet. */
    static final String NOT_VISIBLE = "No such event in your organisation, or not visible to you";
    /** 404 of an operation on the budget: the event, or (for one the caller sees) its budget or line. */
    static final String BUDGET_NOT_VISIBLE = NOT_VISIBLE + "; or the event has no budget yet";
    static final String LINE_NOT_VISIBLE = NOT_VISIBLE + "; or no such line in its budget";
    /** 403 of an organizer's change. */
    static final String NOT_MEMBER = "not-event-member: you see the event but are not its owner, a co-organizer or a "
            + "delegate, nor finance (who may do this for the whole organisation); or your role does not allow this";
    /** 403 of a finance-only change. */
    static final String FINANCE_ONLY = "Only finance of the event's organisation may do this";

    /** The budget's revision counter. */
    static final String REVISION = "Grows with every change after the first approval";
    /** A figure of a line converted into the budget's currency. */
    static final String IN_BUDGET_CURRENCY = "Budget currency";
    /** 404 of the export jobs. */
    static final String NO_EXPORT_JOB = "No such export job in your organisation";

    /** The period of the synchronous journal export. */
    static final String JOURNAL_FROM = "First day, e.g. 2027-03-01";
    static final String JOURNAL_TO = "Last day, e.g. 2027-03-31";
    static final String JOURNAL_PERIOD_INVALID = "from or to is missing, not a date, or to is before from";
    static final String JOURNAL_TOO_LARGE = "export-too-large: more lines than budget.export.synchronous-limit;"
            + " the detail says how to start the export job (POST /api/finance/exports)";

    /** A reporting period of allowances and roll-ups. */
    static final String REPORTING_PERIOD = "2027-03, 2027-Q1 or 2027";

    private Descriptions() {
    }
}
