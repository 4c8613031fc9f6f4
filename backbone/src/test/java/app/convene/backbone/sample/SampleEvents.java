package app.convene.backbone.sample;

import java.util.UUID;

import app.convene.backbone.event.EventType;

/** The sample service's event contracts: what it publishes (memo.*) and what it reads (tally.*). */
public final class SampleEvents {
    public static final EventType<MemoWritten> MEMO_WRITTEN = new EventType<>("memo", "written", 1, MemoWritten.class);
    public static final EventType<MemoRevised> MEMO_REVISED = new EventType<>("memo", "revised", 1, MemoRevised.class);
    public static final EventType<Counted> TALLY_COUNTED = new EventType<>("tally", "counted", 1, Counted.class);
    public static final EventType<LevelSet> TALLY_LEVEL_SET = new EventType<>("tally", "level-set", 1, LevelSet.class);

    private SampleEvents() {
    }

    public record MemoWritten(UUID memoId, String author, String text) {
    }

    public record MemoRevised(UUID memoId, int sequence, String text) {
    }

    /**
     * Adds {@code amount} to {@code counter}. {@code behaviour} makes the effect fail after it has written:
     * {@code poison} (a rule refuses it for good), {@code bug} (an unexpected exception), {@code clash-once} (a
     * serialization failure on the first attempt only), or announces it as {@code memo.written.v1} ({@code announce});
     * null for none.
     */
    public record Counted(String counter, int amount, String behaviour) {
        public static Counted of(String counter, int amount) {
            return new Counted(counter, amount, null);
        }
    }

    /**
     * The counter's level is now {@code level}; {@code sequence} grows with every change of it, so only the newest
     * counts (a headcount's shape).
     */
    public record LevelSet(String counter, long sequence, int level) {
    }
}
