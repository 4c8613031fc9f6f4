package app.convene.venue.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone from a partner of the venue (caterer, AV, cleaning, security) the facility coordinator deals with. */
@Entity
@Table(name = "partner_contact")
public class PartnerContact extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    @Column(name = "venue_id", nullable = false)
    public UUID venueId;
    public String name;
    public String role;
    public String email;
    public String phone;
    /** The language the contact is written to in: en, sv, nl or ro. */
    public String language;
    /** Whether the contact wants the venue's event notices. */
    @Column(name = "notices_subscribed")
    public boolean noticesSubscribed;
    /** When the contact was taken off the venue's list; null while listed. */
    @Column(name = "removed_at")
    public java.time.Instant removedAt;

    @Override
    public String organisation() {
        return organisation;
    }
}
