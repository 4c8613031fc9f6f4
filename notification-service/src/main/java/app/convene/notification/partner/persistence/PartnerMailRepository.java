package app.convene.notification.partner.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import app.convene.notification.delivery.domain.Delivery;
import app.convene.notification.partner.domain.PartnerMailEntry;

/** Partner mail's SQL: its deliveries, one per partner contact, kind and fact. */
@ApplicationScoped
public class PartnerMailRepository {
    @Inject
    EntityManager entityManager;

    /**
     * Adds the mail unless one of this contact, kind and fact exists; returns whether it was added. The delivery is
     * pending from now and sent by the delivery machinery.
     */
    public boolean insertOnce(Delivery mail) {
        return entityManager.createNativeQuery("""
                insert into delivery (id, purpose, channel, address, subject, body_text, organisation,
                                      partner_contact_id, venue_id, mail_kind, mail_fact, status, attempts,
                                      next_attempt_at, created_at)
                values (:id, 'PARTNER', 'EMAIL', :address, :subject, :body, :o, :c, :v, :kind, :fact,
                        'PENDING', 0, :now, :now)
                on conflict (partner_contact_id, mail_kind, mail_fact) where partner_contact_id is not null
                do nothing""")
                .setParameter("id", mail.id).setParameter("address", mail.address)
                .setParameter("subject", mail.subject).setParameter("body", mail.bodyText)
                .setParameter("o", mail.organisation).setParameter("c", mail.partnerContactId)
                .setParameter("v", mail.venueId).setParameter("kind", mail.mailKind)
                .setParameter("fact", mail.mailFact).setParameter("now", mail.createdAt).executeUpdate() == 1;
    }

    /** Remembers that the venue belongs to the organisation (the first partner fact heard of it says so). */
    public void heardOfVenue(UUID venueId, String organisation, Instant now) {
        if (venueId == null || organisation == null) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into partner_venue (venue_id, organisation, first_heard_at) values (:v, :o, :now)
                on conflict (venue_id) do nothing""")
                .setParameter("v", venueId).setParameter("o", organisation).setParameter("now", now).executeUpdate();
    }

    /** Whether a partner fact of this venue of this organisation was heard of. */
    public boolean knowsVenue(UUID venueId, String organisation) {
        return ((Number) entityManager.createNativeQuery(
                "select count(*) from partner_venue where venue_id = :v and organisation = :o")
                .setParameter("v", venueId).setParameter("o", organisation).getSingleResult()).intValue() > 0;
    }

    /**
     * A page of the venue's partner mail of the organisation, newest first, after the mail {@code before} (when not
     * null), with when it was sent (its successful attempt), at most {@code limit}.
     */
    public List<PartnerMailEntry> logOfVenue(UUID venueId, String organisation, UUID before, int limit) {
        Query query = entityManager.createNativeQuery("""
                select d.id, d.mail_kind, d.partner_contact_id, d.address, d.subject, d.status, d.attempts,
                       d.next_attempt_at, d.last_error, d.created_at,
                       (select max(a.attempted_at) from delivery_attempt a
                        where a.delivery_id = d.id and a.succeeded) as sent_at
                from delivery d
                where d.purpose = 'PARTNER' and d.venue_id = :v and d.organisation = :o %s
                order by d.created_at desc, d.id desc""".formatted(before == null ? "" : """
                and (d.created_at, d.id) < (select b.created_at, b.id from delivery b
                                            where b.id = :before and b.venue_id = :v and b.organisation = :o)"""))
                .setParameter("v", venueId).setParameter("o", organisation).setMaxResults(limit);
        if (before != null) {
            query.setParameter("before", before);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("mail_kind", StandardBasicTypes.STRING)
                .addScalar("partner_contact_id", StandardBasicTypes.UUID)
                .addScalar("address", StandardBasicTypes.STRING)
                .addScalar("subject", StandardBasicTypes.STRING)
                .addScalar("status", StandardBasicTypes.STRING)
                .addScalar("attempts", StandardBasicTypes.INTEGER)
                .addScalar("next_attempt_at", StandardBasicTypes.INSTANT)
                .addScalar("last_error", StandardBasicTypes.STRING)
                .addScalar("created_at", StandardBasicTypes.INSTANT)
                .addScalar("sent_at", StandardBasicTypes.INSTANT)
                .getResultList();
        return rows.stream().map(r -> new PartnerMailEntry((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                (String) r[4], (String) r[5], (Integer) r[6], (Instant) r[7], (String) r[8], (Instant) r[9],
                (Instant) r[10])).toList();
    }

    /**
     * Blanks partner mail written before {@code cutoff} and no longer pending or in flight (address
     * {@code erased-<contactId>@erased.invalid}, subject, body) and clears its attempts' notes; how many mails.
     */
    public int anonymiseWrittenBefore(Instant cutoff, String erasedText) {
        entityManager.createNativeQuery("""
                update delivery_attempt t set detail = null
                from delivery d
                where t.delivery_id = d.id and d.purpose = 'PARTNER' and d.created_at < :cutoff
                  and d.status in ('DELIVERED', 'FAILED') and t.detail is not null""")
                .setParameter("cutoff", cutoff).executeUpdate();
        return entityManager.createNativeQuery("""
                update delivery d
                set address = 'erased-' || d.partner_contact_id || '@erased.invalid', subject = :text,
                    body_text = :text
                where d.purpose = 'PARTNER' and d.created_at < :cutoff and d.status in ('DELIVERED', 'FAILED')
                  and d.address not like 'erased-%@erased.invalid'""")
                .setParameter("cutoff", cutoff).setParameter("text", erasedText).executeUpdate();
    }
}
