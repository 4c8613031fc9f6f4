package app.convene.registration.meeting.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.RegistrationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.paging.Slice;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.security.Caller;
import app.convene.registration.meeting.domain.ActionItem;
import app.convene.registration.meeting.domain.ActionItemPosition;
import app.convene.registration.meeting.persistence.MeetingRecordsRepository;
import app.convene.registration.service.EventAccessRules;

/**
 * Action items across meetings: listed by owner, series, meeting and status; done or cancelled by their owner or the
 * meeting's organizers; an open one past its due date is announced once.
 */
@ApplicationScoped
public class ActionItems {
    /** At most this many in one page. */
    public static final int MAX_PAGE = 500;

    @Inject
    Clock clock;
    @Inject
    Caller caller;
    @Inject
    Outbox outbox;
    @Inject
    EventAccessRules rules;
    @Inject
    MeetingRecordsRepository repository;

    /** What to list; {@code overdue} keeps open items past their due date. */
    public record Filter(String owner, UUID seriesId, UUID eventId, ActionItem.Status status, boolean overdue) {
    }

    /** A page of action items, and where the next one starts (null on the last page). */
    public record Page(List<ActionItem> actionItems, ActionItemPosition next) {
    }

    /**
     * A page of the organisation's action items the caller may see (those of meetings it may read, and its own), by
     * due date, after {@code after} (null: from the first).
     */
    public Page list(Filter filter, ActionItemPosition after, int limit) {
        Slice<ActionItem> slice = repository.actionItems(filter.owner(), filter.seriesId(), filter.eventId(),
                filter.status(), filter.overdue() ? LocalDate.now(clock) : null, !caller.isStaff(), after, limit);
        return new Page(slice.rows(), slice.next(ActionItemPosition::of));
    }

    /** One action item the caller may see (its own, or one of a meeting it may read). */
    @Transactional
    public ActionItem read(UUID actionItemId) {
        ActionItem item = repository.actionItem(actionItemId);
        if (item == null || !item.organisation.equals(caller.organisation()) || !visible(item)) {
            throw ProblemException.notFound("action item", actionItemId);
        }
        return item;
    }

    /**
     * Marks an item done, cancelled, or open again: its owner or the meeting's organizers. {@code precondition} sees
     * the item as it is, under its lock, before it changes.
     */
    @Transactional
    public ActionItem changeStatus(UUID actionItemId, ActionItem.Status status, Consumer<ActionItem> precondition) {
        ActionItem item = repository.lockActionItem(actionItemId);
        if (item == null || !item.organisation.equals(caller.organisation()) || !visible(item)) {
            throw ProblemException.notFound("action item", actionItemId);
        }
        if (!caller.is(item.owner)) {
            rules.change(item.eventId);
        }
        precondition.accept(item);
        item.status = status;
        item.closedAt = status == ActionItem.Status.OPEN ? null : clock.instant();
        return item;
    }

    /** Announces each open item past its due date, once. */
    @Transactional
    public int announceOverdue(int limit) {
        List<ActionItem> overdue = repository.overdueNotAnnounced(LocalDate.now(clock), limit);
        for (ActionItem item : overdue) {
            item.overdueAnnouncedAt = clock.instant();
            outbox.append(RegistrationEvents.ACTION_ITEM_OVERDUE, RegistrationEvents.AGGREGATE, item.eventId,
                    new RegistrationEvents.ActionItemOverdue(item.id, item.eventId, item.seriesId, item.organisation,
                            item.title, item.owner, item.dueDate));
        }
        return overdue.size();
    }

    static RegistrationEvents.ActionItemSummary summary(ActionItem item) {
        return new RegistrationEvents.ActionItemSummary(item.id, item.eventId, item.title, item.owner, item.dueDate,
                item.status.name());
    }

    private boolean visible(ActionItem item) {
        if (caller.is(item.owner)) {
            return true;
        }
        try {
            rules.read(item.eventId);
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }
}
