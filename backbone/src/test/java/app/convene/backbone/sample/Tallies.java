package app.convene.backbone.sample;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.sample.SampleEvents.Counted;

/** The effect of {@code tally.counted.v1}: adds to a counter, and may fail after writing (see {@link Counted}). */
@ApplicationScoped
public class Tallies {
    /** How many times the effect ran for each counter, whether it committed or not. */
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;

    /** The memo a counted tally with the behaviour {@code announce} is announced as. */
    public static UUID announcedMemo(String counter) {
        return UUID.nameUUIDFromBytes(counter.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static int attempts(String counter) {
        AtomicInteger attempts = ATTEMPTS.get(counter);
        return attempts == null ? 0 : attempts.get();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(Counted counted) {
        int attempt = ATTEMPTS.computeIfAbsent(counted.counter(), c -> new AtomicInteger()).incrementAndGet();
        entityManager.createNativeQuery("""
                insert into tally (counter, total) values (:counter, :amount)
                on conflict (counter) do update set total = tally.total + excluded.total
                """).setParameter("counter", counted.counter()).setParameter("amount", counted.amount())
                .executeUpdate();
        if (counted.behaviour() == null) {
            return;
        }
        switch (counted.behaviour()) {
            case "poison" -> throw new PoisonEventException("counter " + counted.counter() + " is closed");
            case "bug" -> throw new IllegalStateException("the effect on " + counted.counter() + " failed half-way");
            case "announce" -> outbox.append(SampleEvents.MEMO_WRITTEN, "memo", announcedMemo(counted.counter()),
                    new SampleEvents.MemoWritten(announcedMemo(counted.counter()), "tally", counted.counter()));
            case "clash-once" -> {
                if (attempt == 1) {
                    throw new PersistenceException("concurrent update",
                            new SQLException("could not serialize access due to concurrent update", "40001"));
                }
            }
            default -> throw new IllegalArgumentException("unknown behaviour " + counted.behaviour());
        }
    }
}
