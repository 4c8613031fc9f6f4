package app.convene.backbone.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What venue-service announces on {@code venue.events}; the record key is the event id, so everything the venue side
 * says about one event stays in order.
 */
public final class VenueEvents {
    public static final String FAMILY = "venue";
    public static final String AGGREGATE = "event-readiness";
    public static final String BOOKING_AGGREGATE = "booking";
    public static final String SAFETY_AGGREGATE = "event-safety";
    public static final String INSURANCE_AGGREGATE = "insurance-certificate";
    public static final String INSPECTION_AGGREGATE = "inspection";
    public static final String ISSUE_AGGREGATE = "venue-issue";
    public static final String NOTICE_AGGREGATE = "venue";

    public static final EventType<ReadinessChanged> READINESS_CHANGED =
            new EventType<>(FAMILY, "readiness-changed", 1, ReadinessChanged.class);
    public static final EventType<BookingConfirmed> BOOKING_CONFIRMED =
            new EventType<>(FAMILY, "booking-confirmed", 1, BookingConfirmed.class);
    public static final EventType<BookingCancelled> BOOKING_CANCELLED =
            new EventType<>(FAMILY, "booking-cancelled", 1, BookingCancelled.class);
    /** Key: the event id, as for the booking's other announcements (so it follows its booking-confirmed). */
    public static final EventType<BookedRoomChanged> BOOKED_ROOM_CHANGED =
            new EventType<>(FAMILY, "booked-room-changed", 1, BookedRoomChanged.class);
    public static final EventType<SafetyAtRisk> SAFETY_AT_RISK =
            new EventType<>(FAMILY, "safety-at-risk", 1, SafetyAtRisk.class);
    public static final EventType<SafetyRestored> SAFETY_RESTORED =
            new EventType<>(FAMILY, "safety-restored", 1, SafetyRestored.class);
    public static final EventType<InsuranceCertificateExpiring> INSURANCE_CERTIFICATE_EXPIRING =
            new EventType<>(FAMILY, "insurance-certificate-expiring", 1, InsuranceCertificateExpiring.class);
    public static final EventType<InspectionFailed> INSPECTION_FAILED =
            new EventType<>(FAMILY, "inspection-failed", 1, InspectionFailed.class);
    public static final EventType<ReadinessAssessed> READINESS_ASSESSED =
            new EventType<>(FAMILY, "readiness-assessed", 1, ReadinessAssessed.class);
    public static final EventType<IssueUpdated> ISSUE_UPDATED =
            new EventType<>(FAMILY, "issue-updated", 1, IssueUpdated.class);
    public static final EventType<VenueNotice> VENUE_NOTICE =
            new EventType<>(FAMILY, "venue-notice", 1, VenueNotice.class);

    /** This service anonymised what it held about an erased person ({@code privacy.person-erased.v1}). */
    public static final EventType<PrivacyEvents.ErasureCompleted> ERASURE_COMPLETED =
            new EventType<>(FAMILY, "erasure-completed", 1, PrivacyEvents.ErasureCompleted.class);

    /** Every inspection, passed or not, with how many items passed and failed (failures also in detail above). */
    public static final EventType<InspectionRecorded> INSPECTION_RECORDED =
            new EventType<>(FAMILY, "inspection-recorded", 1, InspectionRecorded.class);
    public static final EventType<CorrectiveActionClosed> CORRECTIVE_ACTION_CLOSED =
            new EventType<>(FAMILY, "corrective-action-closed", 1, CorrectiveActionClosed.class);

    private VenueEvents() {
    }

    /** The event's overall readiness changed (e.g. first known, or ready → not ready). */
    public record ReadinessChanged(UUID eventId, boolean ready, String reason) {
    }

    /** An amount of money: never a floating-point number. {@code currency} is an ISO 4217 code. */
    public record Price(BigDecimal amount, String currency) {
    }

    /**
     * A room is booked for the event. The room is occupied from {@code setupStartsAt} to {@code teardownEndsAt};
     * {@code safeOccupancy} (from the room's fire-safety assessment) is the most people the event may hold there.
     * {@code price} is null when the booking costs nothing.
     */
    public record BookingConfirmed(UUID eventId, UUID bookingId, UUID venueId, String venueName, UUID roomId,
            String roomName, Instant startsAt, Instant endsAt, Instant setupStartsAt, Instant teardownEndsAt,
            int safeOccupancy, Price price) {
    }

    /**
     * The room an event has booked, or its venue, was changed (a new fire-safety assessment, a new name): announced
     * for each confirmed booking of it whose event is not over, with the room and venue as they are from now on.
     */
    public record BookedRoomChanged(UUID eventId, UUID bookingId, UUID venueId, String venueName, UUID roomId,
            String roomName, int safeOccupancy) {
    }

    /** The booking no longer holds the room; the event has no room until another is booked. */
    public record BookingCancelled(UUID eventId, UUID bookingId, UUID roomId, String reason) {
    }

    /** More people are expected than the booked room may safely hold. */
    public record SafetyAtRisk(UUID eventId, UUID bookingId, UUID roomId, int expectedHeadcount, int safeOccupancy) {
    }

    /**
     * The event is no longer at risk: the headcount is back within the room's safe occupancy, or the room was given
     * up ({@code bookingId} and {@code safeOccupancy} are then null).
     */
    public record SafetyRestored(UUID eventId, UUID bookingId, int expectedHeadcount, Integer safeOccupancy) {
    }

    /** An insurance certificate the event relies on expires within the warning period. */
    public record InsuranceCertificateExpiring(UUID eventId, UUID certificateId, String insurer, String policyNumber,
            String coverage, Instant validTo, long daysLeft) {
    }

    /**
     * An inspection found one or more items of a checklist failed. {@code category} is the checklist's (e.g.
     * FIRE_SAFETY); {@code failedItems} lists only the failed ones, in checklist order.
     */
    public record InspectionFailed(UUID eventId, UUID inspectionId, UUID checklistId, String checklistName,
            String category, String inspector, Instant inspectedAt, List<FailedItem> failedItems) {
    }

    /**
     * One failed item, what the inspector noted ({@code note} may be null) and the corrective action that is to fix
     * it: the one this inspection opened, or the one already open for the item.
     */
    public record FailedItem(UUID itemId, String description, boolean mandatory, String note,
            CorrectiveAction action) {
    }

    /** Who fixes a failed item, by when. */
    public record CorrectiveAction(UUID actionId, String description, String owner, Instant dueAt) {
    }

    /**
     * Where every readiness check of the event stands, announced whenever any single check's status changes.
     * {@code sequence} grows with each announcement of the event: a reader keeps the highest.
     */
    public record ReadinessAssessed(UUID eventId, long sequence, boolean ready, List<CheckAssessed> checks,
            Instant assessedAt) {
    }

    /** One readiness check: {@code status} is MET, NOT_MET or UNKNOWN; {@code name} as venue names it. */
    public record CheckAssessed(String name, String status, String reason) {
    }

    /**
     * An inspection was recorded: how many of the items it covered passed, failed or did not apply. Announced for
     * every inspection, before {@code inspection-failed} when items failed.
     */
    public record InspectionRecorded(UUID eventId, UUID inspectionId, UUID checklistId, String checklistName,
            String category, Instant inspectedAt, int passed, int failed, int notApplicable) {
    }

    /** Facility closed a corrective action a failed item opened: the item no longer waits on it. */
    public record CorrectiveActionClosed(UUID eventId, UUID actionId, UUID itemId, UUID inspectionId,
            Instant closedAt) {
    }

    /**
     * An issue a partner contact raised about a venue changed: {@code change} is RAISED, STATUS_CHANGED or PROPOSED
     * ({@code proposal} then set). Announced only for issues raised by a listed contact, whose address and language
     * travel with it so the contact can be written to (key: issue id). {@code resolution} only once RESOLVED.
     */
    public record IssueUpdated(UUID issueId, UUID venueId, String venueName, String organisation, String change,
            String status, String description, String resolution, Proposal proposal, PartnerContact contact,
            Instant updatedAt) {
    }

    /** An improvement proposal attached to an issue. */
    public record Proposal(UUID proposalId, String description, String proposedBy) {
    }

    /** The partner contact who raised the issue: {@code language} is en, sv, nl or ro. */
    public record PartnerContact(UUID contactId, String name, String email, String language) {
    }

    /**
     * Something happened at a venue its subscribed partner contacts want to hear of: {@code kind} is
     * BOOKING_CONFIRMED, BOOKING_MOVED (the booking now runs in {@code roomName} from {@code startsAt} to
     * {@code endsAt}) or BOOKING_CANCELLED ({@code reason} then set), or CLOSURE or CLOSURE_WITHDRAWN (then
     * {@code closureId} is set, {@code eventId} and {@code bookingId} are null, {@code startsAt}/{@code endsAt} are
     * the closure's period, {@code reason} its reason, and {@code roomName} the closed room, or null when the whole
     * venue closes). Announced in the change's transaction only when the venue has subscribers, whose addresses and
     * languages travel with it (key: venue id). {@code closureId} was added later: absent (null) in older records.
     */
    public record VenueNotice(UUID noticeId, UUID venueId, String venueName, String organisation, String kind,
            UUID eventId, UUID bookingId, String roomName, Instant startsAt, Instant endsAt, String reason,
            List<PartnerContact> subscribers, Instant noticedAt, UUID closureId) {
        /** A notice of a booking (no closure). */
        public VenueNotice(UUID noticeId, UUID venueId, String venueName, String organisation, String kind,
                UUID eventId, UUID bookingId, String roomName, Instant startsAt, Instant endsAt, String reason,
                List<PartnerContact> subscribers, Instant noticedAt) {
            this(noticeId, venueId, venueName, organisation, kind, eventId, bookingId, roomName, startsAt, endsAt,
                    reason, subscribers, noticedAt, null);
        }
    }
}
