package app.convene.notification.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.convene.notification.feedback.domain.Feedback;
import app.convene.notification.feedback.domain.FeedbackTally;

/** Feedback on events; one entry per author and event (unique index {@code feedback_once_per_author}). */
@ApplicationScoped
public class FeedbackRepository {
    /** The unique index that keeps one entry per author and event. */
    public static final String ONCE_PER_AUTHOR = "feedback_once_per_author";

    @Inject
    EntityManager entityManager;

    /**
     * Stores the entry unless the author already gave one on the event; true when stored. A concurrent entry of the
     * same author waits on the unique index and then inserts nothing.
     */
    public boolean insertOnce(UUID id, UUID eventId, Feedback.Source source, String author, int rating,
            String comment, Instant receivedAt) {
        return entityManager.createNativeQuery("""
                insert into feedback (id, event_id, source, author, rating, comment, received_at)
                values (:id, :e, :source, :author, :rating, cast(:comment as varchar), :at)
                on conflict (event_id, lower(author)) where not repeated do nothing""")
                .setParameter("id", id).setParameter("e", eventId).setParameter("source", source.name())
                .setParameter("author", author).setParameter("rating", rating).setParameter("comment", comment)
                .setParameter("at", receivedAt).executeUpdate() > 0;
    }

    /**
     * A page of the event's feedback, oldest first, after the entry {@code after} when not null (empty when that is
     * no entry of the event), at most {@code limit}: walks index {@code feedback_event_in_order} and stops there.
     */
    @SuppressWarnings("unchecked")
    public List<Feedback> oldestFirst(UUID eventId, UUID after, int limit) {
        Query query = entityManager.createNativeQuery("""
                select f.* from feedback f
                where f.event_id = :e %s
                order by f.received_at, f.id limit :n""".formatted(after == null ? "" : """
                and (f.received_at, f.id) > (select a.received_at, a.id from feedback a
                                             where a.id = :after and a.event_id = :e)"""), Feedback.class)
                .setParameter("e", eventId).setParameter("n", limit);
        if (after != null) {
            query.setParameter("after", after);
        }
        return query.getResultList();
    }

    /** Whether {@code feedbackId} is an entry of the event's feedback. */
    public boolean isOf(UUID eventId, UUID feedbackId) {
        return Feedback.count("id = ?1 and eventId = ?2", feedbackId, eventId) > 0;
    }

    /** The event's feedback counted by source and rating, in the database. */
    @SuppressWarnings("unchecked")
    public FeedbackTally tally(UUID eventId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                select source, rating, count(*) from feedback where event_id = :e group by source, rating""")
                .setParameter("e", eventId).getResultList();
        return new FeedbackTally(rows.stream().map(r -> new FeedbackTally.Count(
                Feedback.Source.valueOf((String) r[0]), ((Number) r[1]).intValue(), ((Number) r[2]).intValue()))
                .toList());
    }

    /** The newest entries whose comment says something (not only blanks), at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<Feedback> newestCommented(UUID eventId, int limit) {
        return entityManager.createNativeQuery("""
                select f.* from feedback f where f.event_id = :e and f.comment ~ '\\S'
                order by f.received_at desc, f.id desc limit :n""", Feedback.class)
                .setParameter("e", eventId).setParameter("n", limit).getResultList();
    }
}
