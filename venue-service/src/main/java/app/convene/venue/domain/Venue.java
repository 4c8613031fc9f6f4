package app.convene.venue.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A place events happen in: its address, its rooms and the partners working there. */
@Entity
@Table(name = "venue")
public class Venue extends PanacheEntityBase implements OfOrganisation {
    @Id
    public UUID id;
    /** The organisation it belongs to (token claim {@code org}). */
    @Column(nullable = false)
    public String organisation;
    public String name;
    public String street;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    public String country;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    /** When the venue was retired with its rooms: no longer listed, changed or bookable. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    public List<Room> rooms() {
        return Room.list("venueId = ?1 and retiredAt is null order by name", id);
    }

    public List<PartnerContact> partnerContacts() {
        return PartnerContact.list("venueId = ?1 and removedAt is null order by name", id);
    }

    @Override
    public String organisation() {
        return organisation;
    }
}
