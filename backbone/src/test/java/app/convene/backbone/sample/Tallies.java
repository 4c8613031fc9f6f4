package app.convene.backbone.sample;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import app.convene.backbone.event.PoisonEventException;
import app.convene.backbone.outbox.Outbox;
import app.convene.backbone.sample.SampleEvents.Counted;
import app.convene.backbone.sample.SampleEvents.LevelSet;

/** The effect of {@code tally.counted.v1}: adds to a counter, and may fail after writing (see {@link Counted}). */
@ApplicationScoped
public class Tallies {
    /** How long a counted tally with the behaviour {@code hold} keeps its transaction open after writing. */
    public static final long HOLD_MILLIS = 700;
    /** What a counted tally with the behaviour {@code hang} waits for: a handler that does not end by itself. */
    private static volatile CountDownLatch hung = new CountDownLatch(1);
    /** How many times the effect ran for each counter, whether it committed or not. */
    private static final Map<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    /** The sequences of the levels applied to each counter, in the order applied, whether committed or not. */
    private static final Map<String, List<Long>> LEVELS = new ConcurrentHashMap<>();

    @Inject
    EntityManager entityManager;
    @Inject
    Outbox outbox;

    /** The memo a counted tally with the behaviour {@code announce} is announced as. */
    public static UUID announcedMemo(String counter) {
        return UUID.nameUUIDFromBytes(counter.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static List<Long> levelsApplied(String counter) {
        return List.copyOf(LEVELS.getOrDefault(counter, List.of()));
    }

    /** The counter's level, kept as the tally {@code <counter>:level} unless a newer one is held. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void level(LevelSet level) {
        LEVELS.computeIfAbsent(level.counter(), c -> new CopyOnWriteArrayList<>()).add(level.sequence());
        entityManager.createNativeQuery("""
                insert into tally (counter, total) values (:counter, :level)
                on conflict (counter) do update set total = excluded.total
                """).setParameter("counter", level.counter() + ":level").setParameter("level", level.level())
                .executeUpdate();
    }

    /** Lets every handler that hangs end. */
    public static void endHanging() {
        hung.countDown();
        hung = new CountDownLatch(1);
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
            case "hold" -> {
                // Keeps the counter's row locked a while, as a slow handler would: another poll meets the lock.
                try {
                    Thread.sleep(HOLD_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case "hang" -> {
                // Runs on until the test ends it (or two minutes pass), as a handler caught in a loop would.
                try {
                    hung.await(2, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
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
