package app.convene.notification.briefing.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.notification.briefing.domain.Briefing;
import app.convene.notification.briefing.persistence.BriefingRepository;
import app.convene.notification.config.BriefingConfig;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.service.EventDigests;

/**
 * When each event's briefings go out: pre-event briefings at offsets before its start, a post-event one after its
 * end (the defaults, or the event's own offsets). Planned again when the times or offsets change (briefings already
 * sent stay), cancelled with the event; each planned briefing is announced.
 */
@ApplicationScoped
public class BriefingSchedules {
    private static final Duration LONGEST_OFFSET = Duration.ofDays(365);

    @Inject
    BriefingConfig config;
    @Inject
    BriefingRepository briefings;
    @Inject
    EventDigests digests;
    @Inject
    EventAccessGuard guard;
    @Inject
    Outbox outbox;

    /** The offsets an event's briefings are planned by, and whether they are still the defaults. */
    public record Schedule(List<Duration> preEventOffsets, Duration postEventOffset, boolean defaults) {
    }

    /** The event's briefing schedule (the defaults until its own offsets are set), for those who may see it. */
    @Transactional
    public Schedule schedule(UUID eventId) {
        guard.read(eventId);
        return schedule(digests.existing(eventId));
    }

    /**
     * This event's own offsets replace the defaults; briefings not yet sent are planned again. Only the event's
     * owner, co-organizers and delegates change them, once {@code precondition} accepts the schedule as it stands
     * (the defaults until set), read under the lock of the event's digest row: it throws to refuse, say for an
     * {@code If-Match} naming an earlier state.
     */
    @Transactional
    public EventBriefings changeOffsets(UUID eventId, List<Duration> preEventOffsets, Duration postEventOffset,
            Consumer<Schedule> precondition) {
        for (int i = 0; i < preEventOffsets.size(); i++) {
            checkOffset("preEventOffsets[" + i + "]", preEventOffsets.get(i));
        }
        checkOffset("postEventOffset", postEventOffset);
        if (preEventOffsets.stream().distinct().count() != preEventOffsets.size()) {
            throw ProblemException.invalidField("preEventOffsets", "must not repeat an offset");
        }
        guard.change(eventId);
        EventDigest digest = digests.lockExisting(eventId);
        precondition.accept(schedule(digest));
        digest.preEventOffsets = String.join(",", preEventOffsets.stream().map(Duration::toString).toList());
        digest.postEventOffset = postEventOffset.toString();
        digests.touch(digest);
        if (digest.scheduled() && !digest.cancelled()) {
            replan(digest);
        }
        // Only members change the schedule, and members see the budget.
        return overview(digest, true);
    }

    /** The event's briefings with the offsets they are planned by. */
    public EventBriefings overview(EventDigest digest, boolean budgetVisible) {
        return new EventBriefings(digest, briefings.ofEvent(digest.eventId), budgetVisible, preEventOffsets(digest),
                postEventOffset(digest));
    }

    /** Plans the event's briefings again from its times and offsets; those already sent stay as they are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replan(EventDigest digest) {
        briefings.deleteUnsentPlanned(digest.eventId);
        for (Duration before : preEventOffsets(digest)) {
            plan(digest, Briefing.Kind.PRE_EVENT, digest.startsAt.minus(before));
        }
        plan(digest, Briefing.Kind.POST_EVENT, digest.endsAt.plus(postEventOffset(digest)));
    }

    /** The event was cancelled: none of its unsent briefings goes out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelPlanned(EventDigest digest) {
        briefings.cancelScheduled(digest.eventId);
    }

    private Schedule schedule(EventDigest digest) {
        return new Schedule(preEventOffsets(digest), postEventOffset(digest),
                digest.preEventOffsets == null && digest.postEventOffset == null);
    }

    private List<Duration> preEventOffsets(EventDigest digest) {
        if (digest.preEventOffsets == null) {
            return config.preEventOffsets();
        }
        // none before the event: only the post-event briefing
        return digest.preEventOffsets.isEmpty() ? List.of()
                : Arrays.stream(digest.preEventOffsets.split(",")).map(Duration::parse).toList();
    }

    private Duration postEventOffset(EventDigest digest) {
        return digest.postEventOffset == null ? config.postEventOffset() : Duration.parse(digest.postEventOffset);
    }

    private void plan(EventDigest digest, Briefing.Kind kind, Instant dueAt) {
        if (briefings.isPlanned(digest.eventId, kind, dueAt)) {
            return; // already sent at exactly this time
        }
        Briefing briefing = new Briefing();
        briefing.id = UUID.randomUUID();
        briefing.eventId = digest.eventId;
        briefing.kind = kind;
        briefing.dueAt = dueAt;
        briefing.status = Briefing.Status.SCHEDULED;
        briefing.persist();
        outbox.append(NotificationEvents.BRIEFING_SCHEDULED, NotificationEvents.AGGREGATE, digest.eventId,
                new NotificationEvents.BriefingScheduled(digest.eventId, briefing.id, kind.name(), dueAt));
    }

    private static void checkOffset(String field, Duration offset) {
        if (offset.isNegative() || offset.isZero() || offset.compareTo(LONGEST_OFFSET) > 0) {
            throw ProblemException.invalidField(field, "must be more than zero and at most 365 days");
        }
    }
}
