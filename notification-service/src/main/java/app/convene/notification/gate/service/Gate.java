package app.convene.notification.gate.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.convene.backbone.access.EventAccessGuard;
import app.convene.backbone.access.EventAccessStore;
import app.convene.backbone.event.EventAccess;
import app.convene.backbone.event.NotificationEvents;
import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.Outbox;
import app.convene.notification.alert.domain.Alert;
import app.convene.notification.alert.service.Alerts;
import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.digest.domain.EventDigest;
import app.convene.notification.digest.service.EventDigests;
import app.convene.notification.gate.domain.AttendanceTarget;
import app.convene.notification.gate.domain.CheckStatus;
import app.convene.notification.gate.domain.Decision;
import app.convene.notification.gate.domain.GateCheck;
import app.convene.notification.gate.domain.GateCheckResult;
import app.convene.notification.gate.domain.GatePolicy;
import app.convene.notification.gate.domain.GoNoGo;
import app.convene.notification.gate.persistence.GateRepository;
import app.convene.notification.gate.persistence.GateRepository.GateState;
import app.convene.notification.gate.persistence.GateRepository.KeptCheck;
import app.convene.notification.gate.persistence.GateRepository.KeptGate;

/**
 * The go/no-go gate of each event: every check from the facts the services announced, and the decision. Whatever
 * can change a check (an announcement in its consumer's transaction, an acknowledgement, a policy or a target)
 * calls {@link #reassess(UUID)} in its own transaction; a changed decision is kept, announced
 * ({@code notification.go-no-go-changed.v1}) and alerted to the organizers in that same transaction.
 */
@ApplicationScoped
public class Gate {
    @Inject
    GateRepository repository;
    @Inject
    GatePolicies policies;
    @Inject
    EventDigests digests;
    @Inject
    EventAccessStore access;
    @Inject
    EventAccessGuard guard;
    @Inject
    Alerts alerts;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    /** The event's gate as the facts now stand, for anyone who may see the event. */
    public GoNoGo of(UUID eventId) {
        // The caller sees the event, so it is of the caller's organisation: its policy is that organisation's.
        EventAccess visible = guard.read(eventId);
        EventDigest digest = digests.existing(eventId);
        KeptGate kept = repository.kept(eventId);
        return evaluate(digest, policies.of(visible.organisation()), minimumAttendance(kept), kept);
    }

    /** The gate as shown in a briefing: the same evaluation, for an event already known. */
    public GoNoGo forBriefing(EventDigest digest) {
        KeptGate kept = repository.kept(digest.eventId);
        return evaluate(digest, policyOf(digest.eventId), minimumAttendance(kept), kept);
    }

    /** Something a check depends on changed: evaluate again, keep what changed and announce a new decision. */
    @Transactional(Transactional.TxType.MANDATORY)
    public GoNoGo reassess(UUID eventId) {
        EventDigest digest = digests.findOrCreate(eventId);
        GateState state = repository.lockOrCreate(eventId, clock.instant());
        return reassess(digest, state);
    }

    /** Venue's check-by-check assessment; an older one than kept (a lower sequence) changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReadinessAssessed(VenueEvents.ReadinessAssessed assessed) {
        if (assessed.eventId() == null || assessed.checks() == null) {
            throw new PoisonEventException("readiness-assessed needs eventId and checks");
        }
        EventDigest digest = digests.findOrCreate(assessed.eventId());
        GateState state = repository.lockOrCreate(assessed.eventId(), clock.instant());
        if (assessed.sequence() <= state.venueSequence()) {
            return;
        }
        Map<GateCheck, KeptCheck> venue = new LinkedHashMap<>();
        for (VenueEvents.CheckAssessed check : assessed.checks()) {
            CheckStatus status = status(check.status());
            GateCheck.ofVenue(check.name())
                    .ifPresent(c -> venue.put(c, new KeptCheck(status, check.reason(), null)));
        }
        repository.replaceVenueChecks(assessed.eventId(), assessed.sequence(), venue, clock.instant());
        reassess(digest, state);
    }

    /** The event's minimum attendance target (0, no target, until one is set), for anyone who may see the event. */
    public AttendanceTarget target(UUID eventId) {
        guard.read(eventId);
        digests.existing(eventId);
        return new AttendanceTarget(eventId, repository.minimumAttendance(eventId));
    }

    /**
     * Sets the event's minimum attendance target; its owner, co-organizers and delegates only. {@code precondition}
     * first accepts the target as it stands (0 while none was set), read under the lock of the event's digest row,
     * before anything is written: it throws to refuse, say for an {@code If-Match} naming an earlier state. Every
     * change of a target locks that row first, so two changes of one event's target take turns, also while the gate
     * has no row of its own yet.
     */
    @Transactional
    public GoNoGo changeTarget(UUID eventId, int minimumAttendance, Consumer<AttendanceTarget> precondition) {
        guard.change(eventId);
        EventDigest digest = digests.lockExisting(eventId);
        GateState state = repository.lock(eventId).orElse(null);
        precondition.accept(new AttendanceTarget(eventId, state == null ? 0 : state.minimumAttendance()));
        if (state == null) {
            state = repository.lockOrCreate(eventId, clock.instant());
        }
        repository.setMinimumAttendance(eventId, minimumAttendance, clock.instant());
        return reassess(digest, new GateState(eventId, minimumAttendance, state.venueSequence(), state.decision(),
                state.escalatedDecision()));
    }

    /**
     * Tells the leads once per event and decision that the decision is due (within its organisation's window) and
     * the event is still NO_GO or AT_RISK. False when nothing was escalated.
     */
    @Transactional
    public boolean escalate(UUID eventId) {
        EventDigest digest = digests.lockExisting(eventId);
        GateState state = repository.lockOrCreate(eventId, clock.instant());
        if (state.decision() == null || state.decision() == Decision.GO
                || !repository.markEscalated(eventId, state.decision())) {
            return false;
        }
        GoNoGo gate = evaluate(digest, policyOf(eventId), state.minimumAttendance(), repository.kept(eventId));
        alerts.raise(digest, new Alert.GoNoGoEscalated(state.decision().name(), gate.failingChecks(),
                gate.decisionDueAt()));
        return true;
    }

    private GoNoGo reassess(EventDigest digest, GateState state) {
        Instant now = clock.instant();
        KeptGate kept = repository.kept(digest.eventId);
        GoNoGo gate = evaluate(digest, policyOf(digest.eventId), state.minimumAttendance(), kept);
        List<GateCheckResult> checks = new ArrayList<>();
        for (GateCheckResult check : gate.checks()) {
            KeptCheck before = kept.checks().get(check.check());
            Instant since = before != null && before.status() == check.status() ? before.since() : now;
            if (before == null || before.status() != check.status()
                    || !java.util.Objects.equals(before.reason(), check.reason())) {
                repository.keepCheck(digest.eventId, check.check(), new KeptCheck(check.status(), check.reason(),
                        since));
            }
            checks.add(new GateCheckResult(check.check(), check.status(), check.required(), check.reason(), since));
        }
        gate = new GoNoGo(gate.eventId(), gate.decision(), now, gate.decisionDueAt(), checks);
        if (gate.decision() != state.decision()) {
            repository.setDecision(digest.eventId, gate.decision(), now);
            String previous = state.decision() == null ? null : state.decision().name();
            outbox.append(NotificationEvents.GO_NO_GO_CHANGED, NotificationEvents.AGGREGATE, digest.eventId,
                    new NotificationEvents.GoNoGoChanged(digest.eventId, previous, gate.decision().name(), now,
                            gate.failingChecks()));
            if (previous != null) {
                alerts.raise(digest, new Alert.GoNoGoChanged(previous, gate.decision().name(), gate.failingChecks(),
                        now));
            }
        }
        return gate;
    }

    /** Every check from the facts as they stand, with {@code since} as kept; and the decision they make. */
    private GoNoGo evaluate(EventDigest d, GatePolicy policy, int minimumAttendance, KeptGate kept) {
        Map<GateCheck, KeptCheck> venue = kept.venueChecks();
        List<GateCheckResult> checks = new ArrayList<>();
        for (GateCheck check : GateCheck.values()) {
            KeptCheck now = switch (check) {
                case SEATS -> seats(d, minimumAttendance);
                case BUDGET_APPROVED -> budgetApproved(d);
                case FORECAST_WITHIN_TOLERANCE -> forecastWithinTolerance(d);
                case BRIEFING_ACKNOWLEDGED -> briefingAcknowledged(policy.acknowledgingAudiences(),
                        kept.acknowledging());
                default -> venue.getOrDefault(check, new KeptCheck(CheckStatus.UNKNOWN,
                        "venue has not assessed this check for the event yet", null));
            };
            KeptCheck before = kept.checks().get(check);
            checks.add(new GateCheckResult(check, now.status(), policy.requiredChecks().contains(check),
                    now.reason(), before != null && before.status() == now.status() ? before.since() : null));
        }
        return new GoNoGo(d.eventId, decide(checks), clock.instant(),
                d.startsAt == null ? null : d.startsAt.minus(policy.decisionDueBefore()), checks);
    }

    /** GO when every required check is met; NO_GO when any is not met; AT_RISK when one is not known yet. */
    static Decision decide(List<GateCheckResult> checks) {
        List<GateCheckResult> required = checks.stream().filter(GateCheckResult::required).toList();
        if (required.stream().anyMatch(c -> c.status() == CheckStatus.NOT_MET)) {
            return Decision.NO_GO;
        }
        return required.stream().allMatch(c -> c.status() == CheckStatus.MET) ? Decision.GO : Decision.AT_RISK;
    }

    private static int minimumAttendance(KeptGate kept) {
        return kept.state() == null ? 0 : kept.state().minimumAttendance();
    }

    private GatePolicy policyOf(UUID eventId) {
        return access.find(eventId).map(EventAccess::organisation).map(policies::of).orElse(GatePolicy.DEFAULT);
    }

    private static KeptCheck seats(EventDigest d, int minimum) {
        String waiting = d.waitlisted + " on the waiting list";
        if (minimum == 0) {
            return new KeptCheck(CheckStatus.MET, "no minimum attendance target is set; " + d.confirmed
                    + " confirmed, " + waiting, null);
        }
        if (d.confirmed >= minimum) {
            return new KeptCheck(CheckStatus.MET, d.confirmed + " confirmed, at least the minimum of " + minimum
                    + "; " + waiting, null);
        }
        return new KeptCheck(CheckStatus.NOT_MET, d.confirmed + " confirmed, fewer than the minimum of " + minimum
                + "; " + waiting + (d.waitlisted > 0 ? " could make up " + Math.min(d.waitlisted, minimum
                        - d.confirmed) + " of the " + (minimum - d.confirmed) + " missing" : ""), null);
    }

    private static KeptCheck budgetApproved(EventDigest d) {
        if (d.budgetStatus == null) {
            return new KeptCheck(CheckStatus.UNKNOWN, "budget has announced no budget for the event", null);
        }
        return "APPROVED".equals(d.budgetStatus)
                ? new KeptCheck(CheckStatus.MET, "the budget is approved (revision " + d.budgetRevision + ")", null)
                : new KeptCheck(CheckStatus.NOT_MET, "the budget is " + d.budgetStatus + ", not approved", null);
    }

    private static KeptCheck forecastWithinTolerance(EventDigest d) {
        if (d.approvedTotal == null) {
            return new KeptCheck(CheckStatus.UNKNOWN, "no approved budget to hold the forecast against", null);
        }
        if (d.forecastTotal == null) {
            return new KeptCheck(CheckStatus.UNKNOWN, "budget has announced no forecast yet", null);
        }
        BigDecimal tolerance = d.tolerancePercent == null ? BigDecimal.ZERO : d.tolerancePercent;
        BigDecimal limit = d.approvedTotal.multiply(BigDecimal.ONE.add(tolerance.movePointLeft(2)));
        String figures = "forecast " + d.forecastTotal.toPlainString() + " " + d.currency + ", approved "
                + d.approvedTotal.toPlainString() + " plus " + tolerance.stripTrailingZeros().toPlainString()
                + "% tolerance";
        return d.forecastTotal.compareTo(limit) <= 0 ? new KeptCheck(CheckStatus.MET, figures + ": within", null)
                : new KeptCheck(CheckStatus.NOT_MET, figures + ": over by "
                        + d.forecastTotal.subtract(limit).stripTrailingZeros().toPlainString(), null);
    }

    private static KeptCheck briefingAcknowledged(Set<Audience> required, Set<Audience> acknowledging) {
        if (required.isEmpty()) {
            return new KeptCheck(CheckStatus.MET, "no audience must acknowledge the briefing", null);
        }
        Set<Audience> missing = EnumSet.copyOf(required);
        missing.removeAll(acknowledging);
        return missing.isEmpty()
                ? new KeptCheck(CheckStatus.MET, "acknowledged in every required audience: " + names(required), null)
                : new KeptCheck(CheckStatus.NOT_MET, "no acknowledgement of the pre-event briefing yet from " + names(missing), null);
    }

    private static String names(Set<Audience> audiences) {
        return String.join(", ", audiences.stream().map(Enum::name).toList());
    }

    private static CheckStatus status(String status) {
        try {
            return CheckStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            return CheckStatus.UNKNOWN;
        }
    }
}
