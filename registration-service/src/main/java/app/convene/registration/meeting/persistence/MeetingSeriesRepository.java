package app.convene.registration.meeting.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import app.convene.registration.domain.Event;
import app.convene.registration.meeting.domain.MeetingSeries;
import app.convene.registration.meeting.domain.SeriesPosition;

/** Meeting series, their occurrences (events with a series id) and their private calendar feed links. */
@ApplicationScoped
public class MeetingSeriesRepository {
    @Inject
    EntityManager entityManager;

    /** The series with its row locked: changes of a series and of its horizon are serialised through this lock. */
    public MeetingSeries lock(UUID seriesId) {
        return entityManager.find(MeetingSeries.class, seriesId, LockModeType.PESSIMISTIC_WRITE);
    }

    public MeetingSeries find(UUID seriesId) {
        return entityManager.find(MeetingSeries.class, seriesId);
    }

    /** The occurrences of a series, by the date the rule gave them. */
    public List<Event> occurrences(UUID seriesId) {
        return entityManager.createQuery("from Event where seriesId = :series order by occurrenceDate, id",
                Event.class).setParameter("series", seriesId).getResultList();
    }

    /**
     * Up to {@code rows} of the organisation's series the subject may see (all but the confidential ones of other
     * owners), by first date then id, after the position {@code after} in that order when it is not null. The read
     * walks index {@code meeting_series_by_organisation} and stops at the page's end.
     */
    public List<MeetingSeries> visible(String organisation, String subject, SeriesPosition after, int rows) {
        TypedQuery<MeetingSeries> query = entityManager.createQuery("""
                from MeetingSeries where organisation = :organisation and (confidential = false or owner = :subject)
                %s order by firstDate, id""".formatted(after == null ? ""
                : "and (firstDate > :first or (firstDate = :first and id > :id))"), MeetingSeries.class)
                .setParameter("organisation", organisation).setParameter("subject", subject).setMaxResults(rows);
        if (after != null) {
            query.setParameter("first", after.firstDate()).setParameter("id", after.id());
        }
        return query.getResultList();
    }

    /** Series whose occurrences stop before {@code horizon}. */
    public List<UUID> materialisedBefore(LocalDate horizon, int limit) {
        return entityManager.createQuery("select id from MeetingSeries where materialisedTo < :horizon order by id",
                UUID.class).setParameter("horizon", horizon).setMaxResults(limit).getResultList();
    }

    public void bumpSequence(MeetingSeries series) {
        entityManager.flush();
        entityManager.createNativeQuery("update meeting_series set sequence = sequence + 1 where id = ?1")
                .setParameter(1, series.id).executeUpdate();
        entityManager.refresh(series);
    }

    public void addFeed(UUID feedId, UUID seriesId, String tokenSha256, String createdBy, Instant now) {
        entityManager.createNativeQuery("""
                insert into calendar_feed (id, series_id, token_sha256, created_by, created_at)
                values (?1, ?2, ?3, ?4, ?5)""").setParameter(1, feedId).setParameter(2, seriesId)
                .setParameter(3, tokenSha256).setParameter(4, createdBy).setParameter(5, now).executeUpdate();
    }

    /** The series a live (not revoked) feed link shows. */
    public Optional<UUID> seriesOfFeed(String tokenSha256) {
        List<?> rows = entityManager.createNativeQuery("""
                select series_id from calendar_feed where token_sha256 = ?1 and revoked_at is null""")
                .setParameter(1, tokenSha256).getResultList();
        return rows.stream().findFirst().map(row -> (UUID) row);
    }

    /** Revokes a feed link of the series; false when it has no such link. */
    public boolean revokeFeed(UUID seriesId, UUID feedId, Instant now) {
        return entityManager.createNativeQuery("""
                update calendar_feed set revoked_at = coalesce(revoked_at, ?3) where id = ?1 and series_id = ?2""")
                .setParameter(1, feedId).setParameter(2, seriesId).setParameter(3, now).executeUpdate() == 1;
    }
}
