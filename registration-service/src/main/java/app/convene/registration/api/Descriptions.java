package app.convene.registration.api;

/** Descriptions the contract repeats, written once. */
final class Descriptions {
    static final String NOT_VISIBLE = "No such event in your organisation, or not visible to you";
    static final String NOT_MEMBER = "Only the event's owner, co-organizers and delegates may do this";
    static final String SUBJECT = "An e-mail address (the person's token subject); case does not matter";
    static final String NEXT_PAGE = "Pass as `after` for the next page; null on the last page";
    static final String AFTER = "Cursor from the previous page's `next`";

    private Descriptions() {
    }
}
