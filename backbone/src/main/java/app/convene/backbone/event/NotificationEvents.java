package app.convene.backbone.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What notification-service announces on {@code notification.events}; the record key is the event id. */
public final class NotificationEvents {
    public static final String FAMILY = "notification";
    public static final String AGGREGATE = "briefing";

    public static final EventType<BriefingScheduled> BRIEFING_SCHEDULED =
            new EventType<>(FAMILY, "briefing-scheduled", 1, BriefingScheduled.class);
    public static final EventType<BriefingSent> BRIEFING_SENT =
            new EventType<>(FAMILY, "briefing-sent", 1, BriefingSent.class);
    public static final EventType<DeliveryFailed> DELIVERY_FAILED =
            new EventType<>(FAMILY, "delivery-failed", 1, DeliveryFailed.class);
    public static final EventType<BriefingAcknowledged> BRIEFING_ACKNOWLEDGED =
            new EventType<>(FAMILY, "briefing-acknowledged", 1, BriefingAcknowledged.class);
    public static final EventType<FeedbackReceived> FEEDBACK_RECEIVED =
            new EventType<>(FAMILY, "feedback-received", 1, FeedbackReceived.class);
    public static final EventType<AlertRaised> ALERT_RAISED =
            new EventType<>(FAMILY, "alert-raised", 1, AlertRaised.class);
    public static final EventType<GoNoGoChanged> GO_NO_GO_CHANGED =
            new EventType<>(FAMILY, "go-no-go-changed", 1, GoNoGoChanged.class);

    /** This service anonymised what it held about an erased person ({@code privacy.person-erased.v1}). */
    public static final EventType<PrivacyEvents.ErasureCompleted> ERASURE_COMPLETED =
            new EventType<>(FAMILY, "erasure-completed", 1, PrivacyEvents.ErasureCompleted.class);

    private NotificationEvents() {
    }

    /** A briefing for the event is planned for {@code dueAt}. */
    public record BriefingScheduled(UUID eventId, UUID briefingId, String kind, Instant dueAt) {
    }

    /** The briefing was assembled and handed to delivery for {@code recipients} recipients. */
    public record BriefingSent(UUID eventId, UUID briefingId, String kind, Instant sentAt, int recipients) {
    }

    /**
     * A delivery (of a briefing, a reminder or an alert) gave up after {@code attempts} attempts. {@code briefingId}
     * is null for an alert; {@code channel} is EMAIL or WEBHOOK.
     */
    public record DeliveryFailed(UUID eventId, UUID briefingId, UUID deliveryId, UUID recipientId, String channel,
            int attempts, String reason) {
    }

    /** A recipient acknowledged having read the briefing (first acknowledgement only). */
    public record BriefingAcknowledged(UUID eventId, UUID briefingId, UUID recipientId, Instant acknowledgedAt) {
    }

    /** Feedback on the event: {@code source} is STAFF (before the event) or ATTENDEE (after it); rating 1 to 5. */
    public record FeedbackReceived(UUID eventId, UUID feedbackId, String source, int rating, Instant receivedAt) {
    }

    /**
     * An immediate alert went to the audiences concerned: {@code kind} is BUDGET_THRESHOLD_EXCEEDED, SAFETY_AT_RISK,
     * INSURANCE_EXPIRING, READINESS_LOST, INSPECTION_FAILED or EVENT_CANCELLED.
     */
    public record AlertRaised(UUID eventId, UUID alertId, String kind, String summary, int recipients) {
    }

    /**
     * The event's go/no-go decision changed: {@code decision} is GO, NO_GO or AT_RISK ({@code previousDecision}
     * null the first time); {@code failingChecks} names the required checks not met.
     */
    public record GoNoGoChanged(UUID eventId, String previousDecision, String decision, Instant asOf,
            List<String> failingChecks) {
    }
}
