package app.convene.registration.meeting.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.meeting.domain.ActionItem;
import app.convene.registration.meeting.domain.AgendaItem;
import app.convene.registration.meeting.persistence.MeetingRecordsRepository;
import app.convene.registration.meeting.persistence.MeetingRecordsRepository.AgendaState;
import app.convene.registration.service.EventAccessRules;
import app.convene.registration.service.EventCatalog;

/**
 * A meeting's agenda: ordered items, kept by the meeting's owner, co-organizers and delegates, published to its
 * attendees (announced, so the pre-event briefing carries it). Open action items of the series' earlier meetings that
 * are overdue by this one are listed with it, without anyone adding them.
 */
@ApplicationScoped
public class Agendas {
    /** At most this many items on one agenda. */
    public static final int MAX_ITEMS = 100;

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    EventCatalog events;
    @Inject
    EventAccessRules rules;
    @Inject
    MeetingRecordsRepository repository;

    /** What an item says; on a change, null means "leave as it is". */
    public record ItemTerms(String title, String presenter, Integer timeBoxMinutes, AgendaItem.Kind kind,
            List<String> attachments) {
    }

    /** The agenda as a reader sees it. */
    public record AgendaView(UUID eventId, int version, java.time.Instant publishedAt, List<AgendaItem> items,
            List<ActionItem> carriedActionItems) {
    }

    public AgendaView read(UUID eventId) {
        Event event = readable(eventId);
        AgendaState state = repository.agendaState(eventId);
        boolean member = rules.isMember(eventId);
        if (!member && state.publishedAt() == null) {
            throw ProblemException.notFound("agenda", eventId);
        }
        return view(event, state);
    }

    @Transactional
    public AgendaItem add(UUID eventId, ItemTerms terms) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        List<AgendaItem> items = repository.agendaItems(eventId);
        if (items.size() >= MAX_ITEMS) {
            throw ProblemException.conflict("agenda-full", "an agenda holds at most " + MAX_ITEMS + " items");
        }
        AgendaItem item = new AgendaItem();
        item.id = UUID.randomUUID();
        item.eventId = eventId;
        item.position = items.size() + 1;
        item.createdAt = clock.instant();
        item.kind = AgendaItem.Kind.DISCUSSION;
        item.attachments = List.of();
        apply(item, terms);
        item.persist();
        return item;
    }

    /**
     * Changes an item once {@code precondition} accepts it as it stands under the agenda's lock (it throws to refuse:
     * an {@code If-Match} naming an earlier state).
     */
    @Transactional
    public AgendaItem change(UUID eventId, UUID itemId, ItemTerms terms, Set<String> cleared,
            Consumer<AgendaItem> precondition) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        AgendaItem item = item(eventId, itemId);
        precondition.accept(item);
        if (cleared.contains("presenter")) {
            item.presenter = null;
        }
        apply(item, terms);
        return item;
    }

    /** The terms an agenda item may be without, by their names in {@link ItemTerms}. */
    public static final Set<String> CLEARABLE = Set.of("presenter");

    @Transactional
    public void remove(UUID eventId, UUID itemId, Consumer<AgendaItem> precondition) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        AgendaItem item = item(eventId, itemId);
        precondition.accept(item);
        item.delete();
        List<AgendaItem> rest = new ArrayList<>(repository.agendaItems(eventId));
        rest.remove(item);
        repository.renumber(rest);
    }

    /**
     * Puts the items in the order given, which must name every item once, once {@code precondition} accepts the
     * agenda as it stands under its lock.
     */
    @Transactional
    public AgendaView reorder(UUID eventId, List<UUID> order, Consumer<AgendaView> precondition) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        precondition.accept(view(events.find(eventId), repository.agendaState(eventId)));
        Map<UUID, AgendaItem> items = repository.agendaItems(eventId).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        if (order.size() != items.size() || !new HashSet<>(order).equals(items.keySet())) {
            throw ProblemException.invalidField("itemIds", "must name every item of the agenda exactly once ("
                    + items.size() + " items)");
        }
        repository.renumber(order.stream().map(items::get).toList());
        return view(events.find(eventId), repository.agendaState(eventId));
    }

    /** Publishes the agenda (again): its attendees may read it, and it is announced for the briefing. */
    @Transactional
    public AgendaView publish(UUID eventId) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        Event event = events.find(eventId);
        AgendaState state = repository.publishAgenda(eventId, clock.instant());
        AgendaView view = view(event, state);
        outbox.append(RegistrationEvents.AGENDA_PUBLISHED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.AgendaPublished(eventId, event.seriesId, event.title, event.startsAt,
                        state.version(), state.publishedAt(), view.items().stream().map(Agendas::entry).toList(),
                        view.carriedActionItems().stream().map(ActionItems::summary).toList()));
        return view;
    }

    private AgendaView view(Event event, AgendaState state) {
        List<ActionItem> carried = event.seriesId == null ? List.of()
                : repository.carriedInto(event.seriesId, event.id,
                        LocalDate.ofInstant(event.startsAt, ZoneId.of(event.timeZone)));
        return new AgendaView(event.id, state.version(), state.publishedAt(), repository.agendaItems(event.id),
                carried);
    }

    private Event readable(UUID eventId) {
        rules.read(eventId);
        return events.find(eventId);
    }

    private AgendaItem item(UUID eventId, UUID itemId) {
        AgendaItem item = AgendaItem.findById(itemId);
        if (item == null || !item.eventId.equals(eventId)) {
            throw ProblemException.notFound("agenda item", itemId);
        }
        return item;
    }

    private static RegistrationEvents.AgendaEntry entry(AgendaItem item) {
        return new RegistrationEvents.AgendaEntry(item.id, item.position, item.title, item.presenter,
                item.timeBoxMinutes, item.kind.name(), item.attachments);
    }

    private static void apply(AgendaItem item, ItemTerms terms) {
        item.title = terms.title() != null ? terms.title() : item.title;
        item.presenter = terms.presenter() != null ? terms.presenter() : item.presenter;
        item.timeBoxMinutes = terms.timeBoxMinutes() != null ? terms.timeBoxMinutes() : item.timeBoxMinutes;
        item.kind = terms.kind() != null ? terms.kind() : item.kind;
        item.attachments = terms.attachments() != null ? List.copyOf(terms.attachments()) : item.attachments;
        if (item.title == null) {
            throw ProblemException.invalidField("title", "must not be blank");
        }
    }
}
