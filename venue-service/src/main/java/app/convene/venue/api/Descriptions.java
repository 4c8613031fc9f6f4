package app.convene.venue.api;

/** Descriptions the contract repeats, written once: how the access rule's answers read on every operation. */
final class Descriptions {
    static final String NO_VENUE = "No such venue in your organisation, or not visible to you";
    static final String NO_ROOM = "No such room in your organisation, or not visible to you";
    static final String NO_ISSUE = "No such venue issue in your organisation, or not visible to you";
    static final String NO_EVENT = "No such event in your organisation, or not visible to you (a confidential event "
            + "is visible only to its owner, co-organizers and delegates)";
    static final String NO_BOOKING = "No such booking in your organisation, or not visible to you (its event is "
            + "confidential and you are not its owner, a co-organizer or a delegate)";
    static final String NO_CHECKLIST = "No such checklist in your organisation, or not visible to you (its event is "
            + "confidential and you are not its owner, a co-organizer or a delegate)";
    static final String NO_ACTION = "No such corrective action in your organisation, or not visible to you";
    static final String NOT_MEMBER = "Your role does not allow this, or you see the event but are not its owner, a "
            + "co-organizer or a delegate (problem not-event-member); facility acts for the whole organisation";
    static final String FACILITY_ONLY = "Only the facility role does this (for the events it may see)";

    private Descriptions() {
    }
}
