package app.convene.notification.feedback.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import app.convene.notification.feedback.domain.Feedback;

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

    public List<Feedback> oldestFirst(UUID eventId) {
        return Feedback.list("eventId = ?1 order by receivedAt, id", eventId);
    }

    public List<Feedback> newestFirst(UUID eventId) {
        return Feedback.list("eventId = ?1 order by receivedAt desc", eventId);
    }
}
