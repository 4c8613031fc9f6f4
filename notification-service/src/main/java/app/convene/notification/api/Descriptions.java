package app.convene.notification.api;

/** Descriptions the resources of every room share: their documented error answers and the briefing languages. */
public final class Descriptions {
    public static final String BAD_REQUEST = "The request is not valid: the problem's errors name each field and rule";
    public static final String UNAUTHORIZED = "No valid bearer token";
    public static final String FORBIDDEN = "The caller's role may not do this";
    public static final String NOT_EVENT_MEMBER = "The caller's role may not do this, or the caller sees the event but "
            + "is not its owner, a co-organizer or a delegate (problem not-event-member)";
    public static final String EVENT_NOT_FOUND = "No such event in your organisation, or not visible to you (another "
            + "organisation's event, a confidential event of which the caller is not a member, or one nothing has "
            + "been announced about)";
    public static final String BRIEFING_NOT_FOUND = "No such event or briefing in your organisation, or not visible "
            + "to you (also a briefing of another event)";
    public static final String RECIPIENT_NOT_FOUND = "No such event, or no such recipient on its lists, in your "
            + "organisation, or not visible to you";

    /** The languages briefings and alerts are written in. */
    public static final String LANGUAGE = "en|sv|nl|ro";
    public static final String LANGUAGE_RULE = "must be one of en, sv, nl, ro";

    private Descriptions() {
    }
}
