package app.convene.notification.rest;

/** Descriptions shared by the resources' documented error answers. */
final class ProblemAnswers {
    static final String BAD_REQUEST = "The request is not valid: the problem's errors name each field and rule";
    static final String UNAUTHORIZED = "No valid bearer token";
    static final String FORBIDDEN = "The caller's role may not do this";
    static final String EVENT_NOT_FOUND = "Nothing has been announced about this event";

    private ProblemAnswers() {
    }
}
