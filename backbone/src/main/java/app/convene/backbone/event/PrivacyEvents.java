package app.convene.backbone.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What registration-service announces on {@code privacy.events} about personal data it has erased or anonymised, so
 * that every service holding a copy does the same. No payload carries a person's address or name: an erased person
 * is named by the SHA-256 (hex, of the lower-cased and trimmed address), which each service compares with its own
 * columns in SQL. Each service that holds personal data announces on its own topic that it has done its part of an
 * erasure: {@link BudgetEvents#ERASURE_COMPLETED}, {@link VenueEvents#ERASURE_COMPLETED},
 * {@link NotificationEvents#ERASURE_COMPLETED}.
 */
public final class PrivacyEvents {
    public static final String FAMILY = "privacy";
    public static final String AGGREGATE = "erasure";

    /** Key: the erasure id. */
    public static final EventType<PersonErased> PERSON_ERASED =
            new EventType<>(FAMILY, "person-erased", 1, PersonErased.class);
    /** Key: the event id. */
    public static final EventType<EventAttendeesAnonymised> EVENT_ATTENDEES_ANONYMISED =
            new EventType<>(FAMILY, "event-attendees-anonymised", 1, EventAttendeesAnonymised.class);

    private PrivacyEvents() {
    }

    /**
     * The SQL that hashes an address as {@link PersonErased#emailSha256()} carries it: SHA-256 (hex) of the
     * lower-cased, trimmed text of {@code expression} (a column or a parameter). Producer and consumers use this one
     * rule, so their hashes agree.
     */
    public static String addressHashSql(String expression) {
        return "encode(sha256(convert_to(lower(trim(" + expression + ")), 'UTF8')), 'hex')";
    }

    /**
     * Everything the organisation holds about the person whose e-mail address hashes to {@code emailSha256} is to be
     * anonymised. {@code registrationIds} are the registrations registration-service anonymised (copies of them
     * elsewhere are found by id as well as by address).
     */
    public record PersonErased(UUID erasureId, String organisation, String emailSha256, List<UUID> registrationIds,
            Instant requestedAt) {
    }

    /** A service anonymised {@code rowsAnonymised} rows for the erasure (0 when it held nothing about the person). */
    public record ErasureCompleted(UUID erasureId, String organisation, int rowsAnonymised, Instant completedAt) {
    }

    /**
     * The organisation's retention policy came due for an event: its registrations (and its speakers) were
     * anonymised in place, statuses and counts kept. {@code registrations}: how many rows were anonymised.
     */
    public record EventAttendeesAnonymised(UUID eventId, String organisation, int registrations,
            Instant anonymisedAt) {
    }
}
