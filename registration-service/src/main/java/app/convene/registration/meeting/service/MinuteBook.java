package app.convene.registration.meeting.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.revalidation.EntityTags;
import app.convene.backbone.security.Caller;
import app.convene.registration.domain.Event;
import app.convene.registration.meeting.domain.ActionItem;
import app.convene.registration.meeting.domain.Minutes;
import app.convene.registration.meeting.persistence.MeetingRecordsRepository;
import app.convene.registration.service.EventAccessRules;
import app.convene.registration.service.EventCatalog;

/**
 * A meeting's minutes: written as a draft by its owner, co-organizers and delegates, submitted, and approved by the
 * chair. Approved minutes never change (a correction is a new revision, approved in its turn); on approval their
 * action items are followed up and the minutes are announced for distribution. Drafts are for the meeting's members;
 * approved minutes for whoever may read the meeting (a confidential one: its owner, co-organizers, delegates and
 * attendees).
 * <p>
 * Each revision has a strong tag of its state ({@link #tag}): a write, a submission or an approval that names the tag
 * it was made from ({@code If-Match}) is refused when the revision changed meanwhile, so two people editing one draft
 * never overwrite each other unseen, and the chair approves exactly what they read.
 */
@ApplicationScoped
public class MinuteBook {
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
    @Inject
    ObjectMapper json;

    /** What a revision's tag is taken from: everything it says, its moments as stored (to the microsecond). */
    private record State(UUID id, int revision, Minutes.Status status, String chair, List<Minutes.Entry> entries,
            Instant createdAt, String createdBy, Instant submittedAt, Instant approvedAt) {
    }

    /** The revision's strong tag: changes with any change of what it says or where it is on its way to approval. */
    public String tag(Minutes minutes) {
        return EntityTags.of(json, new State(minutes.id, minutes.revision, minutes.status, minutes.chair,
                minutes.entries, stored(minutes.createdAt), minutes.createdBy, stored(minutes.submittedAt),
                stored(minutes.approvedAt)));
    }

    private static Instant stored(Instant moment) {
        return moment == null ? null : moment.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The minutes of a meeting as the caller may read them: a given revision, or the latest it may see. Members see
     * every revision; the chair also the one submitted to them for approval; others approved ones only.
     */
    public Minutes read(UUID eventId, Integer revision) {
        rules.read(eventId);
        boolean member = rules.isMember(eventId);
        Optional<Minutes> minutes;
        if (revision != null) {
            minutes = repository.minutes(eventId, revision);
        } else if (member) {
            minutes = repository.latestMinutes(eventId);
        } else {
            minutes = repository.latestMinutes(eventId).filter(this::submittedToTheCaller)
                    .or(() -> repository.latestApproved(eventId));
        }
        return minutes.filter(m -> member || m.status == Minutes.Status.APPROVED || submittedToTheCaller(m))
                .orElseThrow(() -> ProblemException.notFound("minutes", eventId + (revision == null ? ""
                        : " revision " + revision)));
    }

    private boolean submittedToTheCaller(Minutes minutes) {
        return minutes.status == Minutes.Status.SUBMITTED && caller.is(minutes.chair);
    }

    /** Writes the draft (the first revision, or the open one): chair and entries replace what it held. */
    @Transactional
    public Minutes write(UUID eventId, String chair, List<Minutes.Entry> entries, String ifMatch) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        Set<UUID> agenda = repository.agendaItems(eventId).stream().map(i -> i.id).collect(Collectors.toSet());
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).agendaItemId() != null && !agenda.contains(entries.get(i).agendaItemId())) {
                throw ProblemException.invalidField("entries[" + i + "].agendaItemId",
                        "must be an item of this meeting's agenda");
            }
        }
        Minutes latest = repository.latestMinutes(eventId).orElse(null);
        EntityTags.requireCurrent(ifMatch, () -> latest == null ? null : tag(latest));
        Minutes minutes = latest;
        if (minutes == null) {
            minutes = new Minutes();
            minutes.id = UUID.randomUUID();
            minutes.eventId = eventId;
            minutes.revision = 1;
            minutes.status = Minutes.Status.DRAFT;
            minutes.createdAt = clock.instant();
            minutes.createdBy = caller.subject();
            minutes.chair = chair;
            minutes.entries = withIds(entries);
            minutes.persist();
            return minutes;
        }
        if (minutes.status != Minutes.Status.DRAFT) {
            throw ProblemException.conflict("minutes-not-draft", "revision " + minutes.revision + " is "
                    + minutes.status + (minutes.status == Minutes.Status.APPROVED
                            ? "; start a correction (POST …/minutes/revisions) to change it"
                            : "; only a draft is written"));
        }
        minutes.chair = chair;
        minutes.entries = withIds(entries);
        return minutes;
    }

    @Transactional
    public Minutes submit(UUID eventId, String ifMatch) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        Minutes minutes = open(eventId, ifMatch);
        if (minutes.status == Minutes.Status.DRAFT) {
            minutes.status = Minutes.Status.SUBMITTED;
            minutes.submittedAt = clock.instant();
        }
        return minutes;
    }

    /** The chair approves the submitted revision: it is frozen, its action items followed up, and it is announced. */
    @Transactional
    public Minutes approve(UUID eventId, String ifMatch) {
        EventAccess access = rules.read(eventId);
        repository.lockAgenda(eventId);
        Minutes minutes = repository.latestMinutes(eventId)
                .orElseThrow(() -> ProblemException.notFound("minutes", eventId));
        EntityTags.requireCurrent(ifMatch, () -> tag(minutes));
        if (!caller.is(minutes.chair)) {
            throw new ProblemException(403, "not-the-chair", "Not the chair",
                    "only the chair approves these minutes");
        }
        if (minutes.status == Minutes.Status.APPROVED) {
            return minutes;
        }
        if (minutes.status != Minutes.Status.SUBMITTED) {
            throw ProblemException.conflict("minutes-not-submitted", "revision " + minutes.revision
                    + " is a draft: submit it first");
        }
        minutes.status = Minutes.Status.APPROVED;
        minutes.approvedAt = clock.instant();
        Event event = events.find(eventId);
        List<ActionItem> actionItems = followUp(event, access, minutes);
        java.util.Map<UUID, String> agendaTitles = repository.agendaItems(eventId).stream()
                .collect(Collectors.toMap(i -> i.id, i -> i.title));
        outbox.append(RegistrationEvents.MINUTES_APPROVED, RegistrationEvents.AGGREGATE, eventId,
                new RegistrationEvents.MinutesApproved(eventId, event.seriesId, event.title, event.startsAt,
                        minutes.revision, minutes.chair, minutes.approvedAt, minutes.entries.stream()
                                .map(e -> announced(agendaTitles, e)).toList(),
                        actionItems.stream().map(ActionItems::summary).toList()));
        return minutes;
    }

    /** Starts a correction: a new draft revision holding what the approved one says. */
    @Transactional
    public Minutes correct(UUID eventId) {
        rules.change(eventId);
        repository.lockAgenda(eventId);
        Minutes approved = repository.latestMinutes(eventId)
                .orElseThrow(() -> ProblemException.notFound("minutes", eventId));
        if (approved.status != Minutes.Status.APPROVED) {
            throw ProblemException.conflict("minutes-not-approved", "revision " + approved.revision + " is "
                    + approved.status + ": change it instead of starting a correction");
        }
        Minutes correction = new Minutes();
        correction.id = UUID.randomUUID();
        correction.eventId = eventId;
        correction.revision = approved.revision + 1;
        correction.status = Minutes.Status.DRAFT;
        correction.chair = approved.chair;
        correction.entries = new ArrayList<>(approved.entries);
        correction.createdAt = clock.instant();
        correction.createdBy = caller.subject();
        correction.persist();
        return correction;
    }

    private List<ActionItem> followUp(Event event, EventAccess access, Minutes minutes) {
        List<ActionItem> items = new ArrayList<>();
        for (Minutes.Entry entry : minutes.entries) {
            for (Minutes.ActionToTake action : entry.actionItems()) {
                ActionItem item = repository.lockActionItem(action.id());
                boolean isNew = item == null;
                if (isNew) {
                    item = new ActionItem();
                    item.id = action.id();
                    item.organisation = access.organisation();
                    item.eventId = event.id;
                    item.seriesId = event.seriesId;
                    item.status = ActionItem.Status.OPEN;
                    item.createdAt = clock.instant();
                }
                item.agendaItemId = entry.agendaItemId();
                item.title = action.title();
                item.owner = action.owner();
                item.dueDate = action.dueDate();
                if (isNew) {
                    item.persist();
                }
                items.add(item);
            }
        }
        return items;
    }

    private static RegistrationEvents.MinutesEntry announced(java.util.Map<UUID, String> agendaTitles,
            Minutes.Entry entry) {
        String agendaTitle = entry.agendaItemId() == null ? null : agendaTitles.get(entry.agendaItemId());
        return new RegistrationEvents.MinutesEntry(entry.agendaItemId(), agendaTitle, entry.notes(),
                entry.decisions().stream().map(d -> new RegistrationEvents.Decision(d.text(), d.outcome(),
                        d.votesFor(), d.votesAgainst(), d.abstentions())).toList());
    }

    private Minutes open(UUID eventId, String ifMatch) {
        Minutes minutes = repository.latestMinutes(eventId)
                .orElseThrow(() -> ProblemException.notFound("minutes", eventId));
        EntityTags.requireCurrent(ifMatch, () -> tag(minutes));
        if (minutes.status == Minutes.Status.APPROVED) {
            throw ProblemException.conflict("minutes-approved", "revision " + minutes.revision
                    + " is approved and never changes; start a correction");
        }
        return minutes;
    }

    private static List<Minutes.Entry> withIds(List<Minutes.Entry> entries) {
        return entries.stream().map(e -> new Minutes.Entry(e.agendaItemId(), e.notes(),
                e.decisions() == null ? List.of() : e.decisions(),
                e.actionItems() == null ? List.of() : e.actionItems().stream()
                        .map(a -> new Minutes.ActionToTake(a.id() == null ? UUID.randomUUID() : a.id(), a.title(),
                                a.owner(), a.dueDate())).toList())).toList();
    }
}
