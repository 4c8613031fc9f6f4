package app.convene.registration.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.domain.EventCursor;
import app.convene.registration.domain.EventFilter;
import app.convene.registration.domain.Registration;
import app.convene.registration.persistence.EventRepository;
import app.convene.registration.persistence.RegistrationRepository;
import app.convene.registration.service.EventCatalog.EventView;
import app.convene.registration.service.Registrations.Placement;

/**
 * The lists a front-end shows: the events the caller may see ("my events", filtered, page by page) and the caller's
 * own registrations. Both are read with a keyset cursor, so pages stay stable while events and registrations are
 * added, and never show anything of another organisation.
 */
@ApplicationScoped
public class EventListing {
    public static final int MAX_PAGE = 200;

    @Inject
    EventRepository events;
    @Inject
    EventAccessStore access;
    @Inject
    RegistrationRepository registrations;
    @Inject
    Caller caller;
    @Inject
    EventCatalog catalog;
    @Inject
    WaitingList waitingList;

    public record EventPage(List<EventView> events, EventCursor next) {
    }

    /** An own registration (with its place on the waiting list while it waits) and the event it is for. */
    public record OwnRegistration(Placement placement, Event event) {
    }

    public record RegistrationPage(List<OwnRegistration> registrations, Long nextBefore) {
    }

    /**
     * The events the caller may see, in start order. Staff: every event of their organisation that is not
     * confidential, and the confidential ones they are owner, co-organizer or delegate of. Attendees: the published
     * (or cancelled) events of their organisation that are not confidential, and those they hold a registration for.
     */
    public EventPage events(EventFilter filter, EventCursor after, int limit) {
        Slice<Event> page = events.visible(filter, after, !caller.isStaff(), limit);
        EventCursor next = page.next(e -> new EventCursor(e.startsAt, e.id));
        Map<UUID, EventAccess> accessOf = access.ofEvents(page.rows().stream().map(e -> e.id).toList());
        return new EventPage(page.rows().stream().map(e -> catalog.view(e, accessOf.get(e.id))).toList(), next);
    }

    /** The caller's own registrations for events of the caller's organisation, newest first. */
    public RegistrationPage ownRegistrations(Long before, int limit) {
        Slice<Registration> page = registrations.heldBy(caller.subject(), caller.organisation(), before, limit);
        Long next = page.next(r -> r.seq);
        List<Registration> rows = page.rows();
        Map<UUID, Event> eventsById = rows.isEmpty() ? Map.of()
                : events.withIds(rows.stream().map(r -> r.eventId).distinct().toList()).stream()
                        .collect(Collectors.toMap(e -> e.id, Function.identity()));
        return new RegistrationPage(rows.stream().map(r -> new OwnRegistration(
                new Placement(r, waitingList.positionOf(r)), eventsById.get(r.eventId))).toList(), next);
    }
}
