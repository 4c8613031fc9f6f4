package app.convene.backbone.event;

import java.util.Map;
import java.util.Optional;

/** One topic per service family; record key = aggregate id so one aggregate's events stay in order. */
public final class Topics {
    public static final String REGISTRATION = "registration.events";
    public static final String BUDGET = "budget.events";
    public static final String VENUE = "venue.events";
    public static final String NOTIFICATION = "notification.events";
    public static final String PRIVACY = "privacy.events";
    private static final String SUFFIX = ".events";

    /** The only service (CloudEvents {@code source}) that publishes each family. */
    private static final Map<String, String> OWNERS = Map.of("registration", "/registration-service",
            "privacy", "/registration-service", "budget", "/budget-service", "venue", "/venue-service",
            "notification", "/notification-service");

    private Topics() {
    }

    public static String of(String family) {
        return family + SUFFIX;
    }

    /** The family a topic carries: {@code registration} for {@code registration.events}; null for another topic. */
    public static String familyOf(String topic) {
        return topic != null && topic.endsWith(SUFFIX) ? topic.substring(0, topic.length() - SUFFIX.length()) : null;
    }

    /** The CloudEvents {@code source} of the service that owns the topic, if it is one of the product's. */
    public static Optional<String> ownerOf(String topic) {
        String family = familyOf(topic);
        return family == null ? Optional.empty() : Optional.ofNullable(OWNERS.get(family));
    }
}
