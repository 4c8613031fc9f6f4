package app.convene.notification.gate.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
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

    /** The event's gate row, created with the defaults if new, locked until the transaction ends. */
    public GateState lockOrCreate(UUID eventId, Instant now) {
        entityManager.createNativeQuery("""
                insert into go_no_go (event_id, updated_at) values (:e, :t) on conflict do nothing""")
                .setParameter("e", eventId).setParameter("t", now).executeUpdate();
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select minimum_attendance, venue_sequence, decision, escalated_decision
                from go_no_go where event_id = :e for update""").setParameter("e", eventId).getSingleResult();
        return state(eventId, row);
    }

    /** The event's gate row as it stands, unlocked; null when no fact reached the gate yet. */
    public GateState state(UUID eventId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select minimum_attendance, venue_sequence, decision, escalated_decision
                from go_no_go where event_id = :e""").setParameter("e", eventId).getResultList();
        return rows.isEmpty() ? null : state(eventId, rows.get(0));
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

    /** Venue's checks as last assessed, by the gate's names. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Map<GateCheck, KeptCheck> venueChecks(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select name, status, reason from go_no_go_venue_check where event_id = :e""")
                .setParameter("e", eventId).getResultList();
        Map<GateCheck, KeptCheck> checks = new LinkedHashMap<>();
        for (Object[] row : rows) {
            GateCheck.named((String) row[0]).ifPresent(
                    c -> checks.put(c, new KeptCheck(CheckStatus.valueOf((String) row[1]), (String) row[2], null)));
        }
        return checks;
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

    /** The event's checks as last evaluated. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public Map<GateCheck, KeptCheck> checks(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select name, status, reason, since from go_no_go_check where event_id = :e""")
                .unwrap(NativeQuery.class)
                .addScalar("name", StandardBasicTypes.STRING)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("reason", StandardBasicTypes.STRING)
                .addScalar("since", StandardBasicTypes.INSTANT)
                .setParameter("e", eventId).getResultList();
        Map<GateCheck, KeptCheck> checks = new LinkedHashMap<>();
        for (Object[] row : rows) {
            GateCheck.named((String) row[0]).ifPresent(c -> checks.put(c,
                    new KeptCheck(CheckStatus.valueOf((String) row[1]), (String) row[2], (Instant) row[3])));
        }
        return checks;
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

    /** The audiences in which at least one recipient acknowledged a pre-event briefing of the event. */
    @SuppressWarnings("unchecked")
    public Set<Audience> acknowledgingAudiences(UUID eventId) {
        List<String> audiences = entityManager.createNativeQuery("""
                select distinct r.audience from acknowledgement a
                join recipient r on r.id = a.recipient_id
                join briefing b on b.id = a.briefing_id
                where b.event_id = :e and b.kind = 'PRE_EVENT'""", String.class)
                .setParameter("e", eventId).getResultList();
        return audiences.stream().map(Audience::valueOf).collect(Collectors.toCollection(HashSet::new));
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
