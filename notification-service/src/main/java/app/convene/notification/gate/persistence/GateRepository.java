package app.convene.notification.gate.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import app.convene.notification.delivery.domain.Audience;
import app.convene.notification.gate.domain.CheckStatus;
import app.convene.notification.gate.domain.Decision;
import app.convene.notification.gate.domain.GateCheck;
import app.convene.notification.gate.domain.GatePolicy;

/** The gate's tables: organisations' policies, each event's target and decision, its checks and venue's checks. */
@ApplicationScoped
public class GateRepository {
    @Inject
    EntityManager entityManager;

    /** An event's gate row, locked: its minimum attendance, venue's newest assessment and the decisions made. */
    public record GateState(UUID eventId, int minimumAttendance, long venueSequence, Decision decision,
            Decision escalatedDecision) {
    }

    /** A check as kept: status, reason and since when the status holds. */
    public record KeptCheck(CheckStatus status, String reason, Instant since) {
    }

    /**
     * What the gate keeps for an event: its row (null when no fact reached the gate yet), its checks as last
     * evaluated, venue's checks as last assessed, and the audiences in which a pre-event briefing was acknowledged.
     */
    public record KeptGate(GateState state, Map<GateCheck, KeptCheck> checks, Map<GateCheck, KeptCheck> venueChecks,
            Set<Audience> acknowledging) {
    }

    public Optional<GatePolicy> policy(String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select required_checks, decision_due_before, acknowledging_audiences
                from go_no_go_policy where organisation = :o""").setParameter("o", organisation).getResultList();
        return rows.stream().findFirst().map(row -> new GatePolicy(
                names((String) row[0]).stream().map(n -> GateCheck.named(n).orElseThrow())
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(GateCheck.class))),
                Duration.parse((String) row[1]),
                names((String) row[2]).stream().map(Audience::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Audience.class))),
                false));
    }

    public void savePolicy(String organisation, GatePolicy policy, Instant now) {
        entityManager.createNativeQuery("""
                insert into go_no_go_policy (organisation, required_checks, decision_due_before,
                    acknowledging_audiences, updated_at)
                values (:o, :c, :d, :a, :t)
                on conflict (organisation) do update set required_checks = excluded.required_checks,
                    decision_due_before = excluded.decision_due_before,
                    acknowledging_audiences = excluded.acknowledging_audiences, updated_at = excluded.updated_at""")
                .setParameter("o", organisation)
                .setParameter("c", String.join(",", policy.requiredChecks().stream().map(c -> c.checkName).toList()))
                .setParameter("d", policy.decisionDueBefore().toString())
                .setParameter("a", String.join(",", policy.acknowledgingAudiences().stream().map(Enum::name)
                        .toList()))
                .setParameter("t", now).executeUpdate();
    }

    /** The events of an organisation notification knows, so a new policy is applied to each. */
    @SuppressWarnings("unchecked")
    public List<UUID> eventsOf(String organisation) {
        return entityManager.createNativeQuery("""
                select a.event_id from event_access a join event_digest d on d.event_id = a.event_id
                where a.organisation = :o order by a.event_id""", UUID.class)
                .setParameter("o", organisation).getResultList();
    }

    /**
     * The event's gate row, created with the defaults if new, locked until the transaction ends. Read first: an event
     * reassessed again (every headcount moves the gate) finds its row in one statement.
     */
    public GateState lockOrCreate(UUID eventId, Instant now) {
        Object[] row = lockedState(eventId);
        if (row == null) {
            entityManager.createNativeQuery("""
                    insert into go_no_go (event_id, updated_at) values (:e, :t) on conflict do nothing""")
                    .setParameter("e", eventId).setParameter("t", now).executeUpdate();
            row = lockedState(eventId);
        }
        return state(eventId, row);
    }

    /** The event's gate row locked until the transaction ends, when it has one; nothing is created. */
    public Optional<GateState> lock(UUID eventId) {
        return Optional.ofNullable(lockedState(eventId)).map(row -> state(eventId, row));
    }

    /** The event's minimum attendance target as kept (unlocked); 0, no target, while the gate has no row. */
    public int minimumAttendance(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = entityManager.createNativeQuery("""
                select minimum_attendance from go_no_go where event_id = :e""").setParameter("e", eventId)
                .getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).intValue();
    }

    private Object[] lockedState(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select minimum_attendance, venue_sequence, decision, escalated_decision
                from go_no_go where event_id = :e for update""").setParameter("e", eventId).getResultList();
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Everything the gate keeps for an event, read in one statement (unlocked). */
    @SuppressWarnings("unchecked")
    public KeptGate kept(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select 'state' as part, cast(null as text) as name, decision as status, escalated_decision as reason,
                       cast(null as timestamptz) as since, minimum_attendance as minimum, venue_sequence as sequence
                from go_no_go where event_id = :e
                union all
                select 'check', name, status, reason, since, cast(null as integer), cast(null as bigint)
                from go_no_go_check where event_id = :e
                union all
                select 'venue', name, status, reason, cast(null as timestamptz), cast(null as integer),
                       cast(null as bigint)
                from go_no_go_venue_check where event_id = :e
                union all
                select distinct 'acknowledged', r.audience, cast(null as text), cast(null as text),
                       cast(null as timestamptz), cast(null as integer), cast(null as bigint)
                from acknowledgement a
                join recipient r on r.id = a.recipient_id
                join briefing b on b.id = a.briefing_id
                where b.event_id = :e and b.kind = 'PRE_EVENT'""")
                .unwrap(NativeQuery.class)
                .addScalar("part", StandardBasicTypes.STRING)
                .addScalar("name", StandardBasicTypes.STRING)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("reason", StandardBasicTypes.STRING)
                .addScalar("since", StandardBasicTypes.INSTANT)
                .addScalar("minimum", StandardBasicTypes.INTEGER)
                .addScalar("sequence", StandardBasicTypes.LONG)
                .setParameter("e", eventId).getResultList();
        GateState state = null;
        Map<GateCheck, KeptCheck> checks = new LinkedHashMap<>();
        Map<GateCheck, KeptCheck> venue = new LinkedHashMap<>();
        Set<Audience> acknowledging = EnumSet.noneOf(Audience.class);
        for (Object[] row : rows) {
            String name = (String) row[1];
            switch ((String) row[0]) {
                case "state" -> state = new GateState(eventId, (Integer) row[5], (Long) row[6],
                        row[2] == null ? null : Decision.valueOf((String) row[2]),
                        row[3] == null ? null : Decision.valueOf((String) row[3]));
                case "check" -> GateCheck.named(name).ifPresent(c -> checks.put(c,
                        new KeptCheck(CheckStatus.valueOf((String) row[2]), (String) row[3], (Instant) row[4])));
                case "venue" -> GateCheck.named(name).ifPresent(c -> venue.put(c,
                        new KeptCheck(CheckStatus.valueOf((String) row[2]), (String) row[3], null)));
                default -> acknowledging.add(Audience.valueOf(name));
            }
        }
        return new KeptGate(state, checks, venue, acknowledging);
    }

    private static GateState state(UUID eventId, Object[] row) {
        return new GateState(eventId, ((Number) row[0]).intValue(), ((Number) row[1]).longValue(),
                row[2] == null ? null : Decision.valueOf((String) row[2]),
                row[3] == null ? null : Decision.valueOf((String) row[3]));
    }

    public void setMinimumAttendance(UUID eventId, int minimum, Instant now) {
        entityManager.createNativeQuery("""
                update go_no_go set minimum_attendance = :m, updated_at = :t where event_id = :e""")
                .setParameter("m", minimum).setParameter("t", now).setParameter("e", eventId).executeUpdate();
    }

    public void setDecision(UUID eventId, Decision decision, Instant now) {
        entityManager.createNativeQuery("""
                update go_no_go set decision = :d, decided_at = :t, updated_at = :t where event_id = :e""")
                .setParameter("d", decision.name()).setParameter("t", now).setParameter("e", eventId)
                .executeUpdate();
    }

    /** Replaces venue's checks with a newer assessment ({@code sequence} higher than the one kept). */
    public void replaceVenueChecks(UUID eventId, long sequence, Map<GateCheck, KeptCheck> checks, Instant now) {
        entityManager.createNativeQuery("delete from go_no_go_venue_check where event_id = :e")
                .setParameter("e", eventId).executeUpdate();
        checks.forEach((check, kept) -> entityManager.createNativeQuery("""
                insert into go_no_go_venue_check (event_id, name, status, reason) values (:e, :n, :s, :r)""")
                .setParameter("e", eventId).setParameter("n", check.checkName)
                .setParameter("s", kept.status().name()).setParameter("r", kept.reason()).executeUpdate());
        entityManager.createNativeQuery("""
                update go_no_go set venue_sequence = :q, updated_at = :t where event_id = :e""")
                .setParameter("q", sequence).setParameter("t", now).setParameter("e", eventId).executeUpdate();
    }

    public void keepCheck(UUID eventId, GateCheck check, KeptCheck kept) {
        entityManager.createNativeQuery("""
                insert into go_no_go_check (event_id, name, status, reason, since) values (:e, :n, :s, :r, :t)
                on conflict (event_id, name) do update set status = excluded.status, reason = excluded.reason,
                    since = excluded.since""")
                .setParameter("e", eventId).setParameter("n", check.checkName)
                .setParameter("s", kept.status().name()).setParameter("r", kept.reason())
                .setParameter("t", kept.since()).executeUpdate();
    }

    /**
     * Events not yet started whose decision, NO_GO or AT_RISK, is within their organisation's decision window and
     * was not escalated yet.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> dueForEscalation(Instant now, Duration defaultDueBefore) {
        return entityManager.createNativeQuery("""
                select g.event_id from go_no_go g
                join event_digest d on d.event_id = g.event_id
                left join event_access a on a.event_id = g.event_id
                left join go_no_go_policy p on p.organisation = a.organisation
                where g.decision in ('NO_GO', 'AT_RISK')
                  and g.escalated_decision is distinct from g.decision
                  and d.starts_at > :now
                  and (d.event_status is null or d.event_status <> 'CANCELLED')
                  and d.starts_at - cast(coalesce(p.decision_due_before, :due) as interval) <= :now
                order by d.starts_at limit 100""", UUID.class)
                .setParameter("now", now).setParameter("due", defaultDueBefore.toString()).getResultList();
    }

    /** Marks the decision escalated unless it changed meanwhile or already was; true when this call marked it. */
    public boolean markEscalated(UUID eventId, Decision decision) {
        return entityManager.createNativeQuery("""
                update go_no_go set escalated_decision = :d where event_id = :e and decision = :d
                and escalated_decision is distinct from :d""")
                .setParameter("d", decision.name()).setParameter("e", eventId).executeUpdate() > 0;
    }

    private static List<String> names(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
