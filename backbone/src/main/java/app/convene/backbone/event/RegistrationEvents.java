package app.convene.backbone.event;

import java.time.Instant;
import java.util.UUID;

/** What registration-service announces on {@code registration.events}; the record key is the event id. */
public final class RegistrationEvents {
    public static final String FAMILY = "registration";
    public static final String AGGREGATE = "event";

    public static final EventType<EventScheduled> EVENT_SCHEDULED =
            new EventType<>(FAMILY, "event-scheduled", 1, EventScheduled.class);
    public static final EventType<EventUpdated> EVENT_UPDATED =
            new EventType<>(FAMILY, "event-updated", 1, EventUpdated.class);
    public static final EventType<EventCancelled> EVENT_CANCELLED =
            new EventType<>(FAMILY, "event-cancelled", 1, EventCancelled.class);
    public static final EventType<RegistrationConfirmed> CONFIRMED =
            new EventType<>(FAMILY, "confirmed", 2, RegistrationConfirmed.class);
    public static final EventType<RegistrationWaitlisted> WAITLISTED =
            new EventType<>(FAMILY, "waitlisted", 2, RegistrationWaitlisted.class);
    public static final EventType<RegistrationCancelled> CANCELLED =
            new EventType<>(FAMILY, "cancelled", 1, RegistrationCancelled.class);
    public static final EventType<RegistrationPromoted> PROMOTED =
            new EventType<>(FAMILY, "promoted", 2, RegistrationPromoted.class);
    public static final EventType<AttendeeCheckedIn> CHECKED_IN =
            new EventType<>(FAMILY, "attendee-checked-in", 2, AttendeeCheckedIn.class);
    public static final EventType<CheckInUndone> CHECK_IN_UNDONE =
            new EventType<>(FAMILY, "check-in-undone", 2, CheckInUndone.class);
    public static final EventType<HeadcountChanged> HEADCOUNT_CHANGED =
            new EventType<>(FAMILY, "headcount-changed", 1, HeadcountChanged.class);
    public static final EventType<TravelNeedsChanged> TRAVEL_NEEDS_CHANGED =
            new EventType<>(FAMILY, "travel-needs-changed", 1, TravelNeedsChanged.class);
    public static final EventType<AttendeeChanged> ATTENDEE_CHANGED =
            new EventType<>(FAMILY, "attendee-changed", 1, AttendeeChanged.class);
    public static final EventType<SessionCancelled> SESSION_CANCELLED =
            new EventType<>(FAMILY, "session-cancelled", 1, SessionCancelled.class);

    public static final String SERIES_AGGREGATE = "meeting-series";
    public static final EventType<MeetingSeriesAnnounced> MEETING_SERIES_SCHEDULED =
            new EventType<>(FAMILY, "meeting-series-scheduled", 1, MeetingSeriesAnnounced.class);
    public static final EventType<MeetingSeriesAnnounced> MEETING_SERIES_CHANGED =
            new EventType<>(FAMILY, "meeting-series-changed", 1, MeetingSeriesAnnounced.class);

    public static final EventType<AgendaPublished> AGENDA_PUBLISHED =
            new EventType<>(FAMILY, "agenda-published", 1, AgendaPublished.class);
    public static final EventType<MinutesApproved> MINUTES_APPROVED =
            new EventType<>(FAMILY, "minutes-approved", 1, MinutesApproved.class);
    public static final EventType<ActionItemOverdue> ACTION_ITEM_OVERDUE =
            new EventType<>(FAMILY, "action-item-overdue", 1, ActionItemOverdue.class);

    // Version 1 of the registration facts also carried the attendee's name (and the check-in facts the address),
    // which no consumer needs; they are no longer announced but are still read from the topic.
    public static final EventType<RegistrationConfirmedV1> CONFIRMED_V1 =
            new EventType<>(FAMILY, "confirmed", 1, RegistrationConfirmedV1.class);
    public static final EventType<RegistrationWaitlistedV1> WAITLISTED_V1 =
            new EventType<>(FAMILY, "waitlisted", 1, RegistrationWaitlistedV1.class);
    public static final EventType<RegistrationPromotedV1> PROMOTED_V1 =
            new EventType<>(FAMILY, "promoted", 1, RegistrationPromotedV1.class);

    private RegistrationEvents() {
    }

    /**
     * {@code access}: the organisation and the people with access (null only in records from before it existed).
     * {@code language}: the event's language (en, sv, nl or ro), which its attendees are written in unless they chose
     * their own; null in records from before it existed (read as en).
     */
    public record EventScheduled(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
            int capacity, EventAccess access, String language) {
        public EventScheduled(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
                int capacity, EventAccess access) {
            this(eventId, title, startsAt, endsAt, timeZone, capacity, access, null);
        }
    }

    /**
     * The event's schedule or terms changed. {@code capacity} is the seats that may be confirmed (the event's
     * capacity capped by the room's safe occupancy); {@code status} is DRAFT, PUBLISHED or CANCELLED. Also announced
     * when only {@code access} changed (a co-organizer or delegate added or removed, confidentiality switched).
     * {@code language}: as for {@link EventScheduled}.
     */
    public record EventUpdated(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
            int capacity, String status, String venueId, String roomId, EventAccess access, String language) {
        public EventUpdated(UUID eventId, String title, Instant startsAt, Instant endsAt, String timeZone,
                int capacity, String status, String venueId, String roomId, EventAccess access) {
            this(eventId, title, startsAt, endsAt, timeZone, capacity, status, venueId, roomId, access, null);
        }
    }

    public record EventCancelled(UUID eventId, String title, Instant cancelledAt) {
    }

    /**
     * A registration's attendee now has another address or language: the address was corrected, or the place was
     * transferred to another person ({@code transferred}). {@code attendeeEmail} and {@code language}: as for
     * {@link RegistrationConfirmed}, as they are now; {@code status} is CONFIRMED or WAITLISTED, {@code position} the
     * place on the waiting list (null unless WAITLISTED). The previous address does not travel: a consumer that
     * writes to attendees holds it already. No name travels. {@code ticketCode}: the registration's ticket, new with a
     * new address (null when only the language changed, and in records from before it existed).
     */
    public record AttendeeChanged(UUID eventId, UUID registrationId, String attendeeEmail, String language,
            String status, Integer position, boolean transferred, Instant changedAt, String ticketCode) {
        public AttendeeChanged(UUID eventId, UUID registrationId, String attendeeEmail, String language,
                String status, Integer position, boolean transferred, Instant changedAt) {
            this(eventId, registrationId, attendeeEmail, language, status, position, transferred, changedAt, null);
        }
    }

    /**
     * A session of the event was cancelled: {@code registrationIds} are the registrations whose choice of it held or
     * waited for a seat (their registrations for the event stand); no person is named.
     */
    public record SessionCancelled(UUID eventId, UUID sessionId, String title, Instant startsAt, Instant endsAt,
            java.util.List<UUID> registrationIds, Instant cancelledAt) {
    }

    /** The attendee is named by the registration only (counts follow in headcount-changed.v1). */
    public record AttendeeCheckedIn(UUID eventId, UUID registrationId, Instant checkedInAt) {
    }

    public record CheckInUndone(UUID eventId, UUID registrationId) {
    }

    /**
     * {@code attendeeEmail}: notification-service keeps it to know who may give feedback on the event as an
     * attendee, and writes to it; no name travels. {@code language}: the attendee's language (en, sv, nl or ro: their
     * own choice, else the event's); null in records from before it existed (read as the event's). {@code ticketCode}:
     * what the attendee shows at the door (notification mails it, as a QR code); null in records from before it existed.
     */
    public record RegistrationConfirmed(UUID eventId, UUID registrationId, String attendeeEmail,
            Instant registeredAt, String language, String ticketCode) {
        public RegistrationConfirmed(UUID eventId, UUID registrationId, String attendeeEmail, Instant registeredAt,
                String language) {
            this(eventId, registrationId, attendeeEmail, registeredAt, language, null);
        }

        public RegistrationConfirmed(UUID eventId, UUID registrationId, String attendeeEmail, Instant registeredAt) {
            this(eventId, registrationId, attendeeEmail, registeredAt, null, null);
        }
    }

    /** {@code attendeeEmail}, {@code language}: as for {@link RegistrationConfirmed}. */
    public record RegistrationWaitlisted(UUID eventId, UUID registrationId, String attendeeEmail, int position,
            Instant registeredAt, String language) {
        public RegistrationWaitlisted(UUID eventId, UUID registrationId, String attendeeEmail, int position,
                Instant registeredAt) {
            this(eventId, registrationId, attendeeEmail, position, registeredAt, null);
        }
    }

    /**
     * {@code late}: cancelled after the event's cancellation deadline, counted as a late cancellation.
     * {@code language}: as for {@link RegistrationConfirmed}.
     */
    public record RegistrationCancelled(UUID eventId, UUID registrationId, String attendeeEmail, String previousStatus,
            Instant cancelledAt, boolean late, String language) {
        public RegistrationCancelled(UUID eventId, UUID registrationId, String attendeeEmail, String previousStatus,
                Instant cancelledAt, boolean late) {
            this(eventId, registrationId, attendeeEmail, previousStatus, cancelledAt, late, null);
        }
    }

    /** {@code attendeeEmail}, {@code language}, {@code ticketCode}: as for {@link RegistrationConfirmed}. */
    public record RegistrationPromoted(UUID eventId, UUID registrationId, String attendeeEmail, Instant promotedAt,
            String language, String ticketCode) {
        public RegistrationPromoted(UUID eventId, UUID registrationId, String attendeeEmail, Instant promotedAt,
                String language) {
            this(eventId, registrationId, attendeeEmail, promotedAt, language, null);
        }

        public RegistrationPromoted(UUID eventId, UUID registrationId, String attendeeEmail, Instant promotedAt) {
            this(eventId, registrationId, attendeeEmail, promotedAt, null, null);
        }
    }

    /** Version 1, still read: the same fact with the attendee's name. */
    public record RegistrationConfirmedV1(UUID eventId, UUID registrationId, String attendeeEmail,
            String attendeeName, Instant registeredAt) {
        public RegistrationConfirmed current() {
            return new RegistrationConfirmed(eventId, registrationId, attendeeEmail, registeredAt);
        }
    }

    /** Version 1, still read: the same fact with the attendee's name. */
    public record RegistrationWaitlistedV1(UUID eventId, UUID registrationId, String attendeeEmail,
            String attendeeName, int position, Instant registeredAt) {
        public RegistrationWaitlisted current() {
            return new RegistrationWaitlisted(eventId, registrationId, attendeeEmail, position, registeredAt);
        }
    }

    /** Version 1, still read: the same fact with the attendee's name. */
    public record RegistrationPromotedV1(UUID eventId, UUID registrationId, String attendeeEmail,
            String attendeeName, Instant promotedAt) {
        public RegistrationPromoted current() {
            return new RegistrationPromoted(eventId, registrationId, attendeeEmail, promotedAt);
        }
    }

    /**
     * The event's counts after a change. {@code sequence} grows with every change of the event, so a consumer keeps
     * the highest it has seen and ignores older ones arriving late.
     */
    public record HeadcountChanged(UUID eventId, long sequence, int capacity, int confirmed, int waitlisted,
            int checkedIn, int noShows) {
    }

    /**
     * The travel and accommodation needs of the event's confirmed attendees after a change, as figures only: no
     * person is named (record key: the event id). {@code sequence} grows with every change of the figures, so a
     * consumer keeps the highest it has seen and ignores older ones arriving late. {@code roomNights} is the sum of
     * {@code roomsPerNight}; {@code travellersByMode} counts each travel mode (AIR, RAIL, CAR, COACH, OTHER, NONE)
     * that at least one attendee gave, {@code dietaryNeeds} each dietary need; {@code accessibilityNeeds} how many
     * attendees described one.
     */
    public record TravelNeedsChanged(UUID eventId, long sequence, int travellers, int roomNights,
            java.util.List<NightRooms> roomsPerNight, java.util.List<ModeCount> travellersByMode,
            java.util.List<NeedCount> dietaryNeeds, int accessibilityNeeds, Instant changedAt) {
    }

    /** Hotel rooms needed for the night starting on {@code night} (one room per attendee). */
    public record NightRooms(java.time.LocalDate night, int rooms) {
    }

    /** How many attendees travel by {@code mode}. */
    public record ModeCount(String mode, int travellers) {
    }

    /** How many attendees have the dietary {@code need}. */
    public record NeedCount(String need, int attendees) {
    }

    /**
     * A recurring meeting, as scheduled or after a change (record key: the series id). {@code recurrence} is the
     * RFC 5545 RRULE value, from {@code firstDate} at {@code startTime} (local, HH:mm) in {@code timeZone};
     * {@code sequence} is its iCalendar SEQUENCE; {@code occurrences} are the events the series has (each also
     * announced as an ordinary event), {@code cancelledOccurrences} the dates called off.
     */
    public record MeetingSeriesAnnounced(UUID seriesId, String organisation, String owner, String title,
            String timeZone, String recurrence, java.time.LocalDate firstDate, String startTime,
            int durationMinutes, int sequence, boolean confidential, java.util.List<SeriesOccurrence> occurrences) {
    }

    /** One occurrence of a series: the date the rule gave it, its event, and when it is (moved ones keep theirs). */
    public record SeriesOccurrence(java.time.LocalDate date, UUID eventId, Instant startsAt, Instant endsAt,
            boolean cancelled) {
    }

    /**
     * A meeting's agenda was published (again, after a change: {@code version} grows). Record key: the event id.
     * {@code carriedActionItems}: open action items of earlier meetings of the series that are overdue by this one.
     */
    public record AgendaPublished(UUID eventId, UUID seriesId, String eventTitle, Instant startsAt, int version,
            Instant publishedAt, java.util.List<AgendaEntry> items, java.util.List<ActionItemSummary> carriedActionItems) {
    }

    /** One agenda item, in order. {@code kind}: INFORMATION, DISCUSSION or DECISION. */
    public record AgendaEntry(UUID itemId, int position, String title, String presenter, Integer timeBoxMinutes,
            String kind, java.util.List<String> attachments) {
    }

    /** An action item: who does what by when, and from which meeting. {@code status}: OPEN, DONE or CANCELLED. */
    public record ActionItemSummary(UUID actionItemId, UUID eventId, String title, String owner,
            java.time.LocalDate dueDate, String status) {
    }

    /**
     * Minutes were approved by the chair (record key: the event id); they are distributed to the meeting's
     * attendees and distribution list. {@code revision} > 1 is a correction of an earlier approved revision.
     */
    public record MinutesApproved(UUID eventId, UUID seriesId, String eventTitle, Instant startsAt, int revision,
            String chair, Instant approvedAt, java.util.List<MinutesEntry> entries,
            java.util.List<ActionItemSummary> actionItems) {
    }

    /** What was said and decided on one agenda item. */
    public record MinutesEntry(UUID agendaItemId, String agendaTitle, String notes, java.util.List<Decision> decisions) {
    }

    /** A decision: its text, outcome (CARRIED, REJECTED, DEFERRED, NOTED) and the votes where given. */
    public record Decision(String text, String outcome, Integer votesFor, Integer votesAgainst, Integer abstentions) {
    }

    /** An open action item passed its due date (record key: the event it was decided at). */
    public record ActionItemOverdue(UUID actionItemId, UUID eventId, UUID seriesId, String organisation,
            String title, String owner, java.time.LocalDate dueDate) {
    }
}
