package app.convene.backbone.event;

/** One topic per service family; record key = aggregate id so one aggregate's events stay in order. */
public final class Topics {
    public static final String REGISTRATION = "registration.events";
    public static final String BUDGET = "budget.events";
    public static final String VENUE = "venue.events";
    public static final String NOTIFICATION = "notification.events";
    public static final String PRIVACY = "privacy.events";

    private Topics() {
    }

    public static String of(String family) {
        return family + ".events";
    }
}
