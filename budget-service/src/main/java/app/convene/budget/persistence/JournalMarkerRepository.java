package app.convene.budget.persistence;

import static app.convene.backbone.time.SqlTimes.instant;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.JournalMarker;

/** Reads and moves the organisations' exported-up-to markers ({@code journal_export_marker}). */
@ApplicationScoped
public class JournalMarkerRepository {
    @Inject
    EntityManager entityManager;

    /** The organisation's marker; at 0 (never set) when it has none. */
    public JournalMarker find(String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select upto_ledger_id, set_at, set_by from journal_export_marker where organisation = :organisation""")
                .setParameter("organisation", organisation).getResultList();
        if (rows.isEmpty()) {
            return new JournalMarker(0, null, null);
        }
        Object[] r = rows.get(0);
        return new JournalMarker(((Number) r[0]).longValue(), instant(r[1]), (String) r[2]);
    }

    /**
     * Moves the organisation's marker to {@code upTo}, unless it already stands further: one statement, so of two
     * concurrent moves neither takes the marker back. True when it moved (or stood there already).
     */
    public boolean moveForward(String organisation, long upTo, Instant now, String actor) {
        return entityManager.createNativeQuery("""
                insert into journal_export_marker (organisation, upto_ledger_id, set_at, set_by)
                values (:organisation, :upTo, :now, :actor)
                on conflict (organisation) do update
                    set upto_ledger_id = excluded.upto_ledger_id, set_at = excluded.set_at, set_by = excluded.set_by
                    where journal_export_marker.upto_ledger_id <= excluded.upto_ledger_id""")
                .setParameter("organisation", organisation).setParameter("upTo", upTo)
                .setParameter("now", now).setParameter("actor", actor).executeUpdate() > 0;
    }
}
