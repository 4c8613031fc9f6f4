package app.convene.backbone.security;

/** The roles carried in the token's {@code groups} claim. */
public final class Roles {
    public static final String ORGANIZER = "organizer";
    public static final String FINANCE = "finance";
    public static final String FACILITY = "facility";
    public static final String ATTENDEE = "attendee";
    /** Runs a service (not an organisation's events): reads and re-drives its dead letters. */
    public static final String OPERATOR = "operator";
    /** Erases and exports what the organisation holds about a person (organizers may too), and sets its retention. */
    public static final String PRIVACY_OFFICER = "privacy-officer";
    /** Looks after the organisation's people: hands what someone who left owned to a successor. */
    public static final String ADMINISTRATOR = "administrator";

    private Roles() {
    }
}
