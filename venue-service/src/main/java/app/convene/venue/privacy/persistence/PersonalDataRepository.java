package app.convene.venue.privacy.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.convene.backbone.event.PrivacyEvents;

/**
 * What venue-service holds about a person within one organisation (partner contacts, and the issues they raised),
 * found by the SHA-256 of the lower-cased, trimmed address, and its anonymisation in place.
 */
@ApplicationScoped
public class PersonalDataRepository {
    public static final String ERASED_NAME = "Erased person";

    @Inject
    EntityManager entityManager;

    /** A partner contact as held. */
    public record ContactRow(@Schema(required = true) UUID id, @Schema(required = true) UUID venueId,
            @Schema(required = true) String venueName, @Schema(required = true) String name,
            @Schema(required = true) String role, @Schema(required = true) String email, String phone) {
    }

    /** An issue a partner contact raised. */
    public record IssueRow(@Schema(required = true) UUID id, @Schema(required = true) UUID venueId,
            @Schema(required = true) UUID raisedByContactId, @Schema(required = true) String raisedByName,
            @Schema(required = true) String description, @Schema(required = true) String status,
            @Schema(required = true) Instant raisedAt) {
    }

    /**
     * Anonymises the organisation's partner contacts with the address: name "Erased person", address
     * {@code erased-<contactId>@erased.invalid}, no phone. Returns their ids.
     */
    public List<UUID> anonymiseContacts(String organisation, String emailSha256) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                update partner_contact c
                set name = :name, email = 'erased-' || c.id || '@erased.invalid', phone = null
                where c.organisation = :organisation and %s = :hash
                returning c.id
                """.formatted(PrivacyEvents.addressHashSql("c.email"))).setParameter("name", ERASED_NAME)
                .setParameter("organisation", organisation).setParameter("hash", emailSha256).getResultList();
        return ids;
    }

    /** Blanks the name of whoever raised the issues raised by these contacts; how many issues. */
    public int anonymiseIssuesRaisedBy(List<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return 0;
        }
        return entityManager.createNativeQuery("""
                update venue_issue set raised_by_name = :name
                where raised_by_contact_id in (:ids) and raised_by_name <> :name
                """).setParameter("name", ERASED_NAME).setParameter("ids", contactIds).executeUpdate();
    }

    public List<ContactRow> contacts(String organisation, String email) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select c.id, c.venue_id, v.name as venue_name, c.name, c.role, c.email, c.phone
                from partner_contact c join venue v on v.id = c.venue_id
                where c.organisation = :organisation and lower(trim(c.email)) = lower(trim(:email))
                order by v.name, c.id
                """).setParameter("organisation", organisation).setParameter("email", email).getResultList();
        return rows.stream().map(r -> new ContactRow((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    public List<IssueRow> issuesRaisedBy(List<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select id, venue_id, raised_by_contact_id, raised_by_name, description, status, raised_at
                from venue_issue where raised_by_contact_id in (:ids) order by raised_at, id
                """).setParameter("ids", contactIds).getResultList();
        return rows.stream().map(r -> new IssueRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], (String) r[5], (Instant) r[6])).toList();
    }
}
