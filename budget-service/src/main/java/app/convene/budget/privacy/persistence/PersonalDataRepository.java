package app.convene.budget.privacy.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.event.PrivacyEvents;

/**
 * What budget-service holds about a person within one organisation: the subjects (e-mail addresses) of whoever
 * submitted or decided a budget, received an invoice, set a rate or an allowance, or requested an export, found by
 * the SHA-256 of the lower-cased, trimmed address. The ledger keeps who recorded each entry: it is append-only
 * (a trigger refuses changes), an accountability record like the audit trail.
 */
@ApplicationScoped
public class PersonalDataRepository {
    public static final String ERASED = "Erased person";

    /** Each place a subject is kept: table, column. All are organisation-scoped by an {@code organisation} column. */
    private static final List<String[]> SUBJECTS = List.of(
            new String[] { "event_budget", "submitted_by" },
            new String[] { "event_budget", "decided_by" },
            new String[] { "invoice", "received_by" },
            new String[] { "invoice", "decided_by" },
            new String[] { "invoice_import", "requested_by" },
            new String[] { "exchange_rate", "set_by" },
            new String[] { "department_allowance", "set_by" },
            new String[] { "export_job", "requested_by" });

    @Inject
    EntityManager entityManager;

    /** One place the address is kept: what, which row, and as what. */
    public record Mention(@Schema(required = true) String table, @Schema(required = true) String column,
            @Schema(required = true) String row, @Schema(required = true) String value) {
    }

    /** Replaces the address wherever budget-service keeps it as a subject; how many values it replaced. */
    public int anonymise(String organisation, String emailSha256) {
        int rows = 0;
        for (String[] place : SUBJECTS) {
            rows += entityManager.createNativeQuery(
                    "update %s set %s = :erased where organisation = :organisation and %s = :hash"
                            .formatted(place[0], place[1], PrivacyEvents.addressHashSql(place[1])))
                    .setParameter("erased", ERASED).setParameter("organisation", organisation)
                    .setParameter("hash", emailSha256).executeUpdate();
        }
        return rows;
    }

    /** Every place the address is kept as a subject, and the ledger entries it recorded. */
    public List<Mention> mentions(String organisation, String email) {
        StringBuilder sql = new StringBuilder();
        for (String[] place : SUBJECTS) {
            String key = switch (place[0]) {
                case "event_budget" -> "event_id::text";
                case "exchange_rate" -> "base_currency || '/' || quote_currency";
                case "department_allowance" -> "department || ' ' || period";
                default -> "id::text";
            };
            sql.append(sql.isEmpty() ? "" : " union all ").append("""
                    select '%1$s', '%2$s', %3$s, %2$s from %1$s
                    where organisation = :organisation and lower(trim(%2$s)) = lower(trim(:email))"""
                    .formatted(place[0], place[1], key));
        }
        sql.append("""
                 union all select 'ledger_entry', 'recorded_by', l.entry_id::text, l.recorded_by from ledger_entry l
                join event_budget b on b.event_id = l.event_id
                where b.organisation = :organisation and lower(trim(l.recorded_by)) = lower(trim(:email))""");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(sql.toString())
                .setParameter("organisation", organisation).setParameter("email", email).getResultList();
        return rows.stream().map(r -> new Mention((String) r[0], (String) r[1], String.valueOf(r[2]),
                (String) r[3])).toList();
    }
}
