package app.convene.backbone.sample;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.problem.ProblemException;
import app.convene.backbone.sample.SampleEvents.MemoRevised;
import app.convene.backbone.sample.SampleEvents.MemoWritten;

/** Writes memos and their revisions, each with its event in the same transaction. */
@ApplicationScoped
public class Memos {
    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;

    public record Memo(UUID id, String author, String text, int copies, String slug) {
    }

    @Transactional
    public Memo write(String author, String text, Integer copies, String slug, long holdMillis) {
        UUID id = UUID.randomUUID();
        int count = copies == null ? 1 : copies;
        entityManager.createNativeQuery("""
                insert into memo (id, author, text, copies, slug) values (:id, :author, :text, :copies, :slug)
                """).setParameter("id", id).setParameter("author", author).setParameter("text", text)
                .setParameter("copies", count).setParameter("slug", slug).executeUpdate();
        outbox.append(SampleEvents.MEMO_WRITTEN, "memo", id, new MemoWritten(id, author, text));
        if (holdMillis > 0) {
            // Keeps the transaction open, as a slow request would: a racing duplicate arrives meanwhile.
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Memo(id, author, text, count, slug);
    }

    /** One more copy of {@code first}, then (after {@code holdMillis}) of {@code second}, in one transaction. */
    @Transactional
    public void addCopies(UUID first, UUID second, long holdMillis) {
        addCopy(first);
        try {
            Thread.sleep(holdMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        addCopy(second);
    }

    private void addCopy(UUID memoId) {
        if (entityManager.createNativeQuery("update memo set copies = copies + 1 where id = :id")
                .setParameter("id", memoId).executeUpdate() == 0) {
            throw ProblemException.notFound("memo", memoId);
        }
    }

    @Transactional
    public Memo find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select author, text, copies, slug from memo where id = :id")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("memo", id);
        }
        Object[] row = rows.get(0);
        return new Memo(id, (String) row[0], (String) row[1], ((Number) row[2]).intValue(), (String) row[3]);
    }

    /** A revision of a memo and its event; returns the event's id. */
    @Transactional
    public UUID revise(UUID memoId, int sequence, String text) {
        entityManager.createNativeQuery("insert into memo_revision (memo_id, sequence, text) values (:m, :s, :t)")
                .setParameter("m", memoId).setParameter("s", sequence).setParameter("t", text).executeUpdate();
        return outbox.append(SampleEvents.MEMO_REVISED, "memo", memoId, new MemoRevised(memoId, sequence, text));
    }

    /** Writes a revision and its event, then fails: the transaction rolls back. */
    @Transactional
    public void reviseThenFail(UUID memoId, int sequence, String text) {
        revise(memoId, sequence, text);
        throw new IllegalStateException("refused after the revision and its event were written");
    }
}
