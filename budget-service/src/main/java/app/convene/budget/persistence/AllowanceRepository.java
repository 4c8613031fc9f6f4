package app.convene.budget.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.budget.domain.DepartmentAllowance;

/** Reads and writes the departments' allowances per period ({@code department_allowance}). */
@ApplicationScoped
public class AllowanceRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Sets (or replaces) the organisation's allowance of the department for the period; true when it was set for the
     * first time. One statement, so concurrent settings of the same one cannot clash.
     */
    public boolean upsert(String organisation, String department, String period, BigDecimal amount, String currency,
            Instant now, String actor) {
        Object inserted = entityManager.createNativeQuery("""
                insert into department_allowance (organisation, department, period, amount, currency, set_at, set_by)
                values (:organisation, :department, :period, :amount, :currency, :now, :actor)
                on conflict (organisation, department, period) do update
                    set amount = excluded.amount, currency = excluded.currency, set_at = excluded.set_at,
                        set_by = excluded.set_by
                returning (xmax = 0)""")
                .setParameter("organisation", organisation)
                .setParameter("department", department).setParameter("period", period)
                .setParameter("amount", amount).setParameter("currency", currency)
                .setParameter("now", now).setParameter("actor", actor).getSingleResult();
        return Boolean.TRUE.equals(inserted);
    }

    /** The organisation's allowances for exactly this period (their amount and currency only). */
    public List<DepartmentAllowance> ofPeriod(String organisation, String period) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select department, amount, currency, set_at, set_by from department_allowance
                where organisation = :organisation and period = :period""")
                .setParameter("organisation", organisation).setParameter("period", period).getResultList();
        List<DepartmentAllowance> allowances = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            allowances.add(new DepartmentAllowance((String) row[0], period, (BigDecimal) row[1],
                    ((String) row[2]).strip(), (Instant) row[3], (String) row[4]));
        }
        return allowances;
    }
}
