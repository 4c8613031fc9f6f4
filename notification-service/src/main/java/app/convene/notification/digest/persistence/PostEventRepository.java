package app.convene.notification.digest.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.backbone.event.BudgetEvents;
import app.convene.backbone.event.VenueEvents;
import app.convene.backbone.outbox.GatheredWrites;
import app.convene.notification.briefing.domain.PostEventFacts;

/**
 * What the post-event briefing reads beyond the digest: budget figures per category, inspection outcomes, closed
 * corrective actions and the headcount history.
 */
@ApplicationScoped
public class PostEventRepository {
    @Inject
    EntityManager entityManager;
    @Inject
    GatheredWrites writes;

    /** The headcount points a transaction keeps, written together ({@link #keepHeadcount}). */
    private final GatheredWrites.RowBatch<HeardHeadcount> headcountPoints = PostEventRepository::insertHeadcountPoints;

    /** Replaces the event's category figures with the newest announced. */
    public void replaceCategories(UUID eventId, List<BudgetEvents.CategoryFigures> categories) {
        entityManager.createNativeQuery("delete from budget_category_figure where event_id = :e")
                .setParameter("e", eventId).executeUpdate();
        for (int i = 0; i < categories.size(); i++) {
            BudgetEvents.CategoryFigures c = categories.get(i);
            entityManager.createNativeQuery("""
                    insert into budget_category_figure (event_id, category, position, estimate, forecast, committed,
                        actual) values (:e, :category, :position, :estimate, :forecast, :committed, :actual)
                    on conflict (event_id, category) do nothing""")
                    .setParameter("e", eventId).setParameter("category", c.category()).setParameter("position", i)
                    .setParameter("estimate", zeroIfNull(c.estimate()))
                    .setParameter("forecast", zeroIfNull(c.forecast()))
                    .setParameter("committed", zeroIfNull(c.committed()))
                    .setParameter("actual", zeroIfNull(c.actual())).executeUpdate();
        }
    }

    /** The event's categories in the order budget announced them, each with its actual minus estimate. */
    @SuppressWarnings("unchecked")
    public List<PostEventFacts.CategoryActuals> categories(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select category, estimate, forecast, committed, actual from budget_category_figure
                where event_id = :e order by position""").setParameter("e", eventId).getResultList();
        return rows.stream().map(r -> {
            BigDecimal estimate = (BigDecimal) r[1];
            BigDecimal actual = (BigDecimal) r[4];
            return new PostEventFacts.CategoryActuals((String) r[0], estimate, (BigDecimal) r[2], (BigDecimal) r[3],
                    actual, actual.subtract(estimate));
        }).toList();
    }

    /** Keeps an inspection's outcome once (a redelivered announcement changes nothing). */
    public void keepInspection(VenueEvents.InspectionRecorded recorded) {
        entityManager.createNativeQuery("""
                insert into inspection_outcome (inspection_id, event_id, checklist_id, checklist_name, category,
                    inspected_at, passed, failed, not_applicable)
                values (:id, :e, :checklist, :name, :category, :at, :passed, :failed, :na)
                on conflict (inspection_id) do nothing""")
                .setParameter("id", recorded.inspectionId()).setParameter("e", recorded.eventId())
                .setParameter("checklist", recorded.checklistId()).setParameter("name", recorded.checklistName())
                .setParameter("category", recorded.category()).setParameter("at", recorded.inspectedAt())
                .setParameter("passed", recorded.passed()).setParameter("failed", recorded.failed())
                .setParameter("na", recorded.notApplicable()).executeUpdate();
    }

    /** Per checklist (in the order first inspected): how many inspections, and what the latest one found. */
    @SuppressWarnings("unchecked")
    public List<PostEventFacts.ChecklistOutcome> inspections(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select checklist_id, checklist_name, category, inspections, inspected_at, passed, failed,
                    not_applicable
                from (select o.*, count(*) over (partition by checklist_id) as inspections,
                          min(inspected_at) over (partition by checklist_id) as first_inspected_at,
                          row_number() over (partition by checklist_id
                                             order by inspected_at desc, inspection_id desc) as newest
                      from inspection_outcome o where event_id = :e) latest
                where newest = 1 order by first_inspected_at, checklist_id""")
                .setParameter("e", eventId).getResultList();
        return rows.stream().map(r -> new PostEventFacts.ChecklistOutcome((UUID) r[0], (String) r[1],
                (String) r[2], ((Number) r[3]).intValue(), instant(r[4]), ((Number) r[5]).intValue(),
                ((Number) r[6]).intValue(), ((Number) r[7]).intValue())).toList();
    }

    /** Keeps a corrective action's closure once. */
    public void keepClosure(VenueEvents.CorrectiveActionClosed closed) {
        entityManager.createNativeQuery("""
                insert into closed_corrective_action (action_id, event_id, closed_at) values (:a, :e, :at)
                on conflict (action_id) do nothing""")
                .setParameter("a", closed.actionId()).setParameter("e", closed.eventId())
                .setParameter("at", closed.closedAt()).executeUpdate();
    }

    /**
     * The corrective actions failed items wait on that venue has not announced closed, each once (the newest
     * failure of its item names it), oldest due first.
     */
    @SuppressWarnings("unchecked")
    public List<PostEventFacts.OpenAction> openActions(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select distinct on (coalesce(i.action_id, i.item_id)) i.action_id, i.description, i.checklist_name,
                    i.action_owner, i.action_due_at
                from failed_inspection_item i
                where i.event_id = :e and i.action_owner is not null
                  and not exists (select 1 from closed_corrective_action c where c.action_id = i.action_id)
                order by coalesce(i.action_id, i.item_id), i.inspected_at desc""")
                .setParameter("e", eventId).getResultList();
        return rows.stream().map(r -> new PostEventFacts.OpenAction((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], instant(r[4])))
                .sorted(java.util.Comparator.comparing(PostEventFacts.OpenAction::dueAt,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(PostEventFacts.OpenAction::item))
                .toList();
    }

    /**
     * Keeps one point of the headcount history per announcement. A transaction that gathers its writes (a consumer's
     * poll) writes its points in one statement as it ends ({@link GatheredWrites}).
     */
    public void keepHeadcount(UUID eventId, long sequence, Instant heardAt, int confirmed, int waitlisted,
            int checkedIn) {
        writes.add(headcountPoints, new HeardHeadcount(eventId, sequence, heardAt, confirmed, waitlisted, checkedIn));
    }

    private record HeardHeadcount(UUID eventId, long sequence, Instant heardAt, int confirmed, int waitlisted,
            int checkedIn) {
    }

    private static void insertHeadcountPoints(Connection connection, List<HeardHeadcount> points)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into headcount_point (event_id, sequence, heard_at, confirmed, waitlisted, checked_in)
                select p.event_id, p.sequence, cast(p.heard_at as timestamptz), p.confirmed, p.waitlisted,
                       p.checked_in
                from unnest(?::uuid[], ?::bigint[], ?::text[], ?::int[], ?::int[], ?::int[])
                     as p (event_id, sequence, heard_at, confirmed, waitlisted, checked_in)
                on conflict (event_id, sequence) do nothing""")) {
            insert.setArray(1, GatheredWrites.column(connection, "uuid", points, HeardHeadcount::eventId));
            insert.setArray(2, GatheredWrites.column(connection, "int8", points, HeardHeadcount::sequence));
            insert.setArray(3, GatheredWrites.column(connection, "text", points, p -> p.heardAt().toString()));
            insert.setArray(4, GatheredWrites.column(connection, "int4", points, HeardHeadcount::confirmed));
            insert.setArray(5, GatheredWrites.column(connection, "int4", points, HeardHeadcount::waitlisted));
            insert.setArray(6, GatheredWrites.column(connection, "int4", points, HeardHeadcount::checkedIn));
            insert.executeUpdate();
        }
    }

    /** The headcount in the order registration announced it (by sequence). */
    @SuppressWarnings("unchecked")
    public List<PostEventFacts.HeadcountPoint> headcountHistory(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select heard_at, confirmed, waitlisted from headcount_point where event_id = :e order by sequence""")
                .setParameter("e", eventId).getResultList();
        return rows.stream().map(r -> new PostEventFacts.HeadcountPoint(instant(r[0]), ((Number) r[1]).intValue(),
                ((Number) r[2]).intValue())).toList();
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
