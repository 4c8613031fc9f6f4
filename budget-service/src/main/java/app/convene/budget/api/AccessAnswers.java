package app.convene.budget.api;

/** The descriptions of the access rule's answers, the same on every operation. */
final class AccessAnswers {
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

    private AccessAnswers() {
    }
}
