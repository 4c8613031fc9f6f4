package app.convene.notification.partner.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.notification.delivery.domain.Delivery;

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
