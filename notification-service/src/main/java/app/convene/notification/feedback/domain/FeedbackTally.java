package app.convene.notification.feedback.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * An event's feedback counted in the database: how many entries of each source gave each rating. What a briefing
 * shows of the feedback (counts, averages, the distribution of ratings) is read from it, so a briefing of an event
 * with thousands of entries holds a few numbers, not the entries.
 */
public record FeedbackTally(List<Count> counts) {
    /** How many entries of {@code source} gave {@code rating}. */
    public record Count(Feedback.Source source, int rating, int entries) {
    }

    /** How many entries came from {@code source}. */
    public int entries(Feedback.Source source) {
        return counts.stream().filter(c -> c.source() == source).mapToInt(Count::entries).sum();
    }

    /** The average rating of {@code source}'s entries, to one decimal; null when there are none. */
    public BigDecimal average(Feedback.Source source) {
        return average(counts.stream().filter(c -> c.source() == source).toList());
    }

    /** How many entries, of every source, gave each rating from 1 to 5. */
    public List<Integer> byRating() {
        int[] byRating = new int[5];
        for (Count count : withRating()) {
            byRating[count.rating() - 1] += count.entries();
        }
        return List.of(byRating[0], byRating[1], byRating[2], byRating[3], byRating[4]);
    }

    /** How many entries, of every source, gave a rating from 1 to 5. */
    public int rated() {
        return withRating().stream().mapToInt(Count::entries).sum();
    }

    /** The average of every rating from 1 to 5, to one decimal; null when there are none. */
    public BigDecimal averageRated() {
        return average(withRating());
    }

    private List<Count> withRating() {
        return counts.stream().filter(c -> c.rating() >= 1 && c.rating() <= 5).toList();
    }

    private static BigDecimal average(List<Count> counts) {
        int entries = counts.stream().mapToInt(Count::entries).sum();
        if (entries == 0) {
            return null;
        }
        long sum = counts.stream().mapToLong(c -> (long) c.rating() * c.entries()).sum();
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(entries), 1, RoundingMode.HALF_EVEN);
    }
}
