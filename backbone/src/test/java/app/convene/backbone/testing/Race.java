package app.convene.backbone.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Callers let go at the same instant, each making its own request: what each was answered, in caller order. */
public final class Race {
    private Race() {
    }

    /** Runs {@code call} for callers 0 to {@code callers - 1} at once and answers each one's status. */
    public static List<Integer> statuses(int callers, IntFunction<Integer> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                int caller = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.apply(caller);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
