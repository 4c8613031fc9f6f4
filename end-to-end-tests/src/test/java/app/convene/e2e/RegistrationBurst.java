package app.convene.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import app.convene.backbone.testing.Tokens;
import io.restassured.path.json.JsonPath;

/**
 * Many attendees registering for one event at once, each through a client that does what a well-behaved front-end
 * does: one {@code Idempotency-Key} per attempt, kept across its retries; after a {@code 503} it waits as long as
 * {@code Retry-After} says, after a connection error (refused, reset, timed out) a second; it stops at the first
 * other answer. Every exchange is kept with its time, so a test can tell what was answered while a part was down.
 * <p>
 * Attempts start at a steady rate (so the burst lasts long enough for a fault to strike in its middle) and run on
 * {@code clients} threads. Some attendees try twice, each time with a new key (a second click after a lost
 * answer): the second attempt is a different request and is refused as already registered.
 */
final class RegistrationBurst {
    /** One request and what came back: an HTTP status, or -1 when no answer came (the detail says why). */
    record Exchange(long atNanos, int attempt, int status, String detail) {
    }

    /** The final answer to one attempt. */
    record Answer(int attempt, String email, int status, String registrationId, String registrationStatus,
            Integer waitlistPosition, String problemType, int tries) {
    }

    /** How long one attempt keeps retrying before the client gives up (the test then fails). */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String eventId;
    private final int attempts;
    private final int attendees;
    private final double perSecond;
    private final ExecutorService clients;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();
    private Thread dispatcher;

    /**
     * {@code attempts} registrations by {@code attendees} people (attempt {@code i} is attendee {@code i % attendees};
     * those with two attempts try again with a new key), started at {@code perSecond} on {@code clients} threads.
     */
    RegistrationBurst(String baseUrl, String eventId, int attempts, int attendees, int clients, double perSecond) {
        this.baseUrl = baseUrl;
        this.eventId = eventId;
        this.attempts = attempts;
        this.attendees = attendees;
        this.perSecond = perSecond;
        this.clients = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "burst-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    RegistrationBurst start() {
        dispatcher = new Thread(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < attempts; i++) {
                long due = t0 + (long) (i * 1_000_000_000L / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Stack.sleep(wait / 1_000_000);
                }
                int attempt = i;
                started.incrementAndGet();
                clients.execute(() -> attempt(attempt));
            }
            clients.shutdown();
        }, "burst-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
        return this;
    }

    static String email(int attendee) {
        return "attendee-" + attendee + "@example.com";
    }

    private void attempt(int attempt) {
        int attendee = attempt % attendees;
        String email = email(attendee);
        String token = tokens.computeIfAbsent(email, e -> Tokens.bearer("attendee", e));
        String key = UUID.randomUUID().toString();
        String body = "{\"attendee\":{\"email\":\"" + email + "\",\"name\":\"Attendee " + attendee + "\"}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/events/" + eventId + "/registrations"))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (int tries = 1;; tries++) {
            if (System.nanoTime() > giveUp) {
                return; // no final answer: the test reports the attempt as unanswered
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                exchanges.add(new Exchange(System.nanoTime(), attempt, -1, e.getClass().getSimpleName()));
                Stack.sleep(1_000);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int status = response.statusCode();
            exchanges.add(new Exchange(System.nanoTime(), attempt, status, problemType(response)));
            if (status == 503) {
                long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Stack.sleep(Math.min(Math.max(retryAfter, 1), 10) * 1_000);
                continue;
            }
            if (status == 201) {
                JsonPath json = JsonPath.from(response.body());
                answers.put(attempt, new Answer(attempt, email, status, json.getString("id"), json.getString("status"),
                        json.get("waitlistPosition"), null, tries));
            } else {
                answers.put(attempt,
                        new Answer(attempt, email, status, null, null, null, problemType(response), tries));
            }
            return;
        }
    }

    private static String problemType(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return response.body().substring(0, Math.min(200, response.body().length()));
        }
        try {
            String type = JsonPath.from(response.body()).getString("type");
            return type == null ? "" : type.replace("https://convene.app/problems/", "");
        } catch (RuntimeException e) {
            return response.body().substring(0, Math.min(200, response.body().length()));
        }
    }

    /** When the last final answer came (System.nanoTime()). */
    long lastAnswerAt() {
        return exchanges.stream().filter(e -> e.status() >= 0 && e.status() != 503).mapToLong(Exchange::atNanos).max()
                .orElse(0);
    }

    /** Attempts with a final answer (not counting those still retrying). */
    int answered() {
        return answers.size();
    }

    int attempts() {
        return attempts;
    }

    /** Waits until every attempt has its final answer or gave up; true when all were answered. */
    boolean awaitDone(Duration timeout) {
        try {
            dispatcher.join(timeout.toMillis());
            return clients.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS) && answers.size() == attempts;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops whatever is still running (after a failure). */
    void abandon() {
        clients.shutdownNow();
    }

    List<Answer> answers() {
        return answers.values().stream().sorted(java.util.Comparator.comparingInt(Answer::attempt)).toList();
    }

    List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** Attempts that never got a final answer. */
    List<Integer> unanswered() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            if (!answers.containsKey(i)) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** "201 x 250, 409 x 30, 503 x 120, no answer (ConnectException) x 40" for the exchanges in [from, to). */
    String tally(long fromNanos, long toNanos) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Exchange exchange : exchanges) {
            if (exchange.atNanos() >= fromNanos && exchange.atNanos() < toNanos) {
                String what = exchange.status() < 0 ? "no answer (" + exchange.detail() + ")"
                        : String.valueOf(exchange.status());
                counts.merge(what, 1, Integer::sum);
            }
        }
        return counts.isEmpty() ? "nothing" : String.join(", ", counts.entrySet().stream()
                .map(e -> e.getKey() + " x " + e.getValue()).toList());
    }
}
