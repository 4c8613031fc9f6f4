package app.convene.notification.partner.persistence;

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
}
