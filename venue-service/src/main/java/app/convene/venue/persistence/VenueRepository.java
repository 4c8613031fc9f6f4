package app.convene.venue.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.panache.common.Parameters;

import app.convene.venue.domain.PartnerContact;
import app.convene.venue.domain.Room;
import app.convene.venue.domain.Venue;

/** Reads the organisations' venues with their rooms and partner contacts ({@code venue}, {@code room}, ...). */
@ApplicationScoped
public class VenueRepository {
    @Inject
    EntityManager entityManager;

    /** Whether the organisation has a venue in use of that name in that city. */
    public boolean existsNamed(String organisation, String name, String city) {
        return Venue.count("organisation = ?1 and name = ?2 and city = ?3 and retiredAt is null", organisation, name,
                city) > 0;
    }

    /**
     * Up to {@code rows} of the organisation's venues in use, by name and city (unique together among them), after
     * the venue {@code after} in that order when it is not null, and only those whose name or city contains
     * {@code text} (ignoring case) when it is not null. The read walks the organisation's venues in the order of the
     * unique index {@code venue_name_unique} and stops at the page's end.
     */
    public List<Venue> ofOrganisation(String organisation, String text, Venue after, int rows) {
        StringBuilder query = new StringBuilder("organisation = :organisation and retiredAt is null");
        Parameters parameters = Parameters.with("organisation", organisation);
        if (text != null) {
            query.append(" and (lower(name) like :text escape '\\' or lower(city) like :text escape '\\')");
            parameters.and("text", "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (after != null) {
            query.append(" and (name > :afterName or (name = :afterName and city > :afterCity))");
            parameters.and("afterName", after.name).and("afterCity", after.city);
        }
        return Venue.find(query.append(" order by name, city").toString(), parameters).range(0, rows - 1).list();
    }

    /** The organisation's venue {@code venueId}; null when it is none of the organisation's. */
    public Venue ofOrganisation(String organisation, UUID venueId) {
        return Venue.find("id = ?1 and organisation = ?2", venueId, organisation).firstResult();
    }

    /** The rooms of these venues, each venue's by name. */
    public Map<UUID, List<Room>> roomsOf(List<UUID> venueIds) {
        return ChildRows.byParent(venueIds, ids -> Room.list("venueId in ?1 and retiredAt is null order by name", ids), r -> r.venueId);
    }

    /** The partner contacts of these venues, each venue's by name. */
    public Map<UUID, List<PartnerContact>> partnerContactsOf(List<UUID> venueIds) {
        return ChildRows.byParent(venueIds, ids -> PartnerContact.list("venueId in ?1 and removedAt is null order by name", ids),
                c -> c.venueId);
    }

    /**
     * Holds the venue row exclusively until the transaction ends: the venue and its rooms are added and changed one
     * after another, and no booking of the venue (which holds the row shared) runs meanwhile.
     */
    public void lockForChange(UUID venueId) {
        entityManager.createNativeQuery("select id from venue where id = :v for update")
                .setParameter("v", venueId).getResultList();
    }

    /** Whether the organisation has another venue in use of that name in that city. */
    public boolean existsNamedOtherThan(UUID venueId, String organisation, String name, String city) {
        return Venue.count("organisation = ?1 and name = ?2 and city = ?3 and id <> ?4 and retiredAt is null",
                organisation, name, city, venueId) > 0;
    }

    /** Retires the venue's rooms still in use, at {@code at}. */
    public void retireRooms(UUID venueId, Instant at) {
        entityManager.createNativeQuery("update room set retired_at = :at where venue_id = :v and retired_at is null")
                .setParameter("at", at).setParameter("v", venueId).executeUpdate();
    }

    /** Whether the venue has a room of that name. */
    public boolean hasRoomNamed(UUID venueId, String name) {
        return Room.count("venueId = ?1 and name = ?2 and retiredAt is null", venueId, name) > 0;
    }

    /** Whether the venue lists a partner contact with that e-mail address, in any case. */
    public boolean hasPartnerContactWithEmail(UUID venueId, String email) {
        return PartnerContact.count("venueId = ?1 and lower(email) = lower(?2) and removedAt is null", venueId,
                email) > 0;
    }
}
