package app.convene.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import app.convene.e2e.FaultStack.ServiceProcess;
import app.convene.e2e.RegistrationBurst.Answer;
import app.convene.e2e.RegistrationBurst.Exchange;
import app.convene.e2e.Stack.Service;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * What survives what. Hundreds of attendees register for a 40-seat event, their clients retrying with the same
 * {@code Idempotency-Key} after a 503 or a lost connection; in the middle of the burst one part of the product is
 * killed outright (SIGKILL: no shutdown, no last transaction, no offset commit) and brought back:
 * <ol>
 * <li>the Kafka broker, down for a while, then started again on the same port and data;</li>
 * <li>registration-service, the producer, at once started again;</li>
 * <li>budget-service, a consumer, at once started again;</li>
 * <li>the PostgreSQL server of every service, down for more than a minute, then started again on its data;</li>
 * <li>notification-service stopped (SIGTERM, as a deployment stops it) and started again: it applies what it had
 * fetched and records what it had sent before its database goes away, so its stop logs no error and every attendee
 * of the burst gets their mail once, also after the lease of an unrecorded sending would have run out.</li>
 * </ol>
 * After each fault: every registration an attendee was told about is there with the status and waiting-list place
 * they were told; nothing was registered that nobody was told about; never more confirmed than seats; the waiting
 * list is exactly 1..n; budget, venue and notification come to registration's counts for every event of the suite;
 * and whatever was down, the answers were only 201, 409 and 503 (no answer at all only while registration-service
 * itself was dead) — never a 500.
 * <p>
 * The suite runs its own stack ({@link FaultStack}: broker, database and services as OS processes), before the
 * shared stack starts (class order 1), and prints the recovery times it measured in a block at the end.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 20, unit = java.util.concurrent.TimeUnit.MINUTES)
class FaultSuiteIT {
    private static final int SEATS = 40;
    private static final int ATTEMPTS = 300;
    /** 270 people: the last 30 attempts are second attempts, with a new key, of people already registering. */
    private static final int ATTENDEES = 270;
    private static final int CLIENTS = 32;
    /** Attempts started per second: the burst lasts about 15 s, so the fault strikes in its middle. */
    private static final double RATE = 20;
    /** The fault strikes once this many attempts have their final answer. */
    private static final int STRIKE_AFTER = ATTEMPTS / 3;
    /** Generous bounds for a slow, shared machine; none of them is what is measured. */
    private static final Duration CONVERGES = Duration.ofMinutes(3);
    private static final Duration BURST_ENDS = Duration.ofMinutes(5);

    private static FaultStack stack;
    /** Every event of the suite: after each fault all of them must still agree across the services. */
    private static final List<String> events = new ArrayList<>();
    private static final List<String> figures = new ArrayList<>();

    @BeforeAll
    static void startItsOwnStack() {
        stack = FaultStack.start();
    }

    @AfterAll
    static void printFiguresAndStop() {
        StringBuilder block = new StringBuilder("\n===== Fault suite: recovery times (SIGKILL, or SIGTERM where said, "
                + "mid-burst of ").append(ATTEMPTS).append(" registrations, ").append(SEATS).append(" seats) =====\n")
                .append("back -> ready: from bringing the part back to it serving again; back -> converged: to ")
                .append("budget, venue and notification agreeing with registration on every event\n");
        figures.forEach(line -> block.append(line).append('\n'));
        System.out.println(block.append("=".repeat(70)));
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerKilledMidBurstAndStartedAgainLosesNothing() {
        survive(new Fault("Kafka broker", Duration.ofSeconds(10), false) {
            @Override
            void kill() {
                stack.kafka.kill();
            }

            @Override
            long bringBack() {
                return stack.kafka.start();
            }
        });
    }

    @Test
    @Order(2)
    void theProducerKilledMidBurstAndStartedAgainLosesNothing() {
        survive(new Fault("registration-service", Duration.ZERO, true) {
            @Override
            void kill() {
                stack.service(Service.REGISTRATION).kill();
            }

            @Override
            long bringBack() {
                return stack.service(Service.REGISTRATION).restart();
            }
        });
    }

    @Test
    @Order(3)
    void aConsumerKilledMidBurstAndStartedAgainCatchesUp() {
        survive(new Fault("budget-service", Duration.ZERO, false) {
            @Override
            void kill() {
                stack.service(Service.BUDGET).kill();
            }

            @Override
            long bringBack() {
                return stack.service(Service.BUDGET).restart();
            }
        });
    }

    @Test
    @Order(4)
    void theDatabaseKilledForMoreThanAMinuteMidBurstAndStartedAgainLosesNothing() {
        survive(new Fault("PostgreSQL server", Duration.ofSeconds(65), false) {
            @Override
            void kill() {
                stack.postgres.kill();
            }

            @Override
            long bringBack() {
                return stack.postgres.restart();
            }
        });
        // No consumer gave up during the outage: each is live and ready again without a restart.
        for (ServiceProcess service : stack.services.values()) {
            assertThat(service.process.isAlive()).as(service.service.module() + " still running").isTrue();
            assertThat(Stack.status(service.managementUrl() + "/q/health/live")).as(service.service.module() + " live")
                    .isEqualTo(200);
            await(service.service.module() + " ready again").atMost(CONVERGES)
                    .until(() -> Stack.status(service.managementUrl() + "/q/health/ready") == 200);
        }
    }

    @Test
    @Order(5)
    void aConsumerStoppedMidBurstFinishesWhatItHadAndMailsEveryAttendeeOnce() throws Exception {
        ServiceProcess notification = stack.service(Service.NOTIFICATION);
        String part = "notification stopped";
        String[] stoppedLog = new String[1];
        long[] linesBeforeStop = new long[1];
        survive(new Fault(part, Duration.ZERO, false) {
            @Override
            void kill() {
                stoppedLog[0] = notification.logName();
                linesBeforeStop[0] = Stack.logLines(stoppedLog[0]).size();
                notification.stop(); // SIGTERM: the service stops as a deployment or down.sh stops it
            }

            @Override
            long bringBack() {
                return notification.restart();
            }
        });

        // The stop applied what had been fetched and recorded what had been sent, before its database went away.
        List<String> stop = Stack.logLines(stoppedLog[0]).stream().skip(linesBeforeStop[0]).toList();
        assertThat(stop).as("what notification-service logged while it stopped").isNotEmpty()
                .noneMatch(line -> line.contains(" ERROR "))
                .noneMatch(line -> line.contains("were not recorded"));

        // Every attendee of the burst is mailed about this event, once: also after the lease of a sending that
        // was not recorded would have run out.
        String title = "Fault: " + part;
        List<String> attendees = IntStream.range(0, ATTENDEES).mapToObj(RegistrationBurst::email).toList();
        await("every attendee's mail about the event").atMost(CONVERGES).pollInterval(Duration.ofSeconds(1))
                .until(() -> attendees.stream().allMatch(a -> mailsAbout(a, title) >= 1));
        Stack.sleep(FaultStack.LEASE.plusSeconds(5).toMillis());
        Map<String, Long> mailed = attendees.stream()
                .collect(Collectors.toMap(a -> a, a -> mailsAbout(a, title)));
        assertThat(mailed).as("mails per attendee about the event").allSatisfy((a, n) -> assertThat(n).isOne());
    }

    @Test
    @Order(6)
    void aStoppingServiceAnswersTheRequestItServesAndRefusesNewOnesWithAProblem() throws Exception {
        String eventId = scheduleEvent("Fault: a stop with a registration in flight");
        ServiceProcess registration = stack.service(Service.REGISTRATION);
        String registrationDatabase = stack.postgres.jdbcUrl(Service.REGISTRATION.database);
        String registered;
        try (java.sql.Connection database = java.sql.DriverManager.getConnection(registrationDatabase, "postgres",
                "postgres");
                java.sql.Connection watcher = java.sql.DriverManager.getConnection(registrationDatabase, "postgres",
                        "postgres")) {
            // Holds the event's row, so a registration for it waits inside the service, in flight.
            database.setAutoCommit(false);
            try (var lock = database.prepareStatement("select 1 from event where id = ?::uuid for update")) {
                lock.setString(1, eventId);
                lock.executeQuery().close();
            }
            java.util.concurrent.CompletableFuture<Response> held = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> organizer(Service.REGISTRATION).header("Idempotency-Key", "held-" + eventId)
                            .body(Map.of("attendee", Map.of("email", "held@example.com", "name", "Held Attendee")))
                            .post("/api/events/{e}/registrations", eventId));
            await("the registration waiting for the event's row").atMost(Duration.ofSeconds(30))
                    .until(() -> waitingForALock(watcher) > 0);

            registration.process.destroy(); // SIGTERM
            Response refused = await("a request refused by the stopping service").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> organizer(Service.REGISTRATION).get("/api/events/{e}", eventId),
                            answer -> answer.statusCode() == 503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).endsWith("/service-stopping");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(held).as("the registration in flight is still being served").isNotDone();

            database.rollback(); // the row is free: the registration in flight goes on
            Response answered = held.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(201);
            registered = answered.jsonPath().getString("id");
            assertThat(registration.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS))
                    .as("registration-service exited").isTrue();
        } finally {
            registration.stop();
            registration.restart();
        }
        // The registration answered is the one kept, and the request refused changed nothing.
        assertThat(roll(eventId)).containsOnlyKeys(registered);
    }

    /**
     * How many of the database's sessions wait for a lock to update an event's row (asked on a connection of its own,
     * outside a transaction, since a transaction sees one snapshot of the statistics).
     */
    private static int waitingForALock(java.sql.Connection database) throws java.sql.SQLException {
        try (var statement = database.createStatement();
                var rows = statement.executeQuery(
                        "select count(*) from pg_stat_activity where datname = current_database() "
                                + "and wait_event_type = 'Lock' and query ilike '%update event%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** How many mails the attendee received whose subject names the event. */
    private static long mailsAbout(String attendee, String title) {
        return Stack.mailTo(stack.mail, attendee).stream()
                .filter(message -> {
                    try {
                        return message.getSubject() != null && message.getSubject().contains(title);
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).count();
    }

    /** A part of the product, killed and brought back. */
    private abstract static class Fault {
        final String part;
        final Duration down;
        final boolean registrationItself;

        Fault(String part, Duration down, boolean registrationItself) {
            this.part = part;
            this.down = down;
            this.registrationItself = registrationItself;
        }

        abstract void kill();

        /** Starts the part again; returns milliseconds until it served. */
        abstract long bringBack();
    }

    /** Runs the fault; whatever happens, its figures (or how it failed) are printed at once and in the summary. */
    private void survive(Fault fault) {
        long t0 = System.nanoTime();
        try {
            String line = strikeMidBurst(fault);
            figures.add(line);
            System.out.println("Fault suite: " + line);
        } catch (RuntimeException | AssertionError e) {
            String line = String.format("%-20s FAILED after %.1f s: %s", fault.part, seconds(System.nanoTime() - t0),
                    e.getMessage() == null ? e : e.getMessage().lines().limit(12).toList());
            figures.add(line);
            System.out.println("Fault suite: " + line);
            throw e;
        }
    }

    private String strikeMidBurst(Fault fault) {
        String eventId = scheduleEvent("Fault: " + fault.part);
        events.add(eventId);
        awaitEveryServiceAgrees(events);

        RegistrationBurst burst = new RegistrationBurst(url(Service.REGISTRATION), eventId, ATTEMPTS, ATTENDEES,
                CLIENTS, RATE).start();
        try {
            await("a third of the burst answered").atMost(BURST_ENDS).pollInterval(Duration.ofMillis(20))
                    .until(() -> burst.answered() >= STRIKE_AFTER);
            long killedAt = System.nanoTime();
            fault.kill();
            Stack.sleep(fault.down.toMillis());
            long backAt = System.nanoTime();
            long readyMillis = fault.bringBack();
            long readyAt = System.nanoTime();

            assertThat(burst.awaitDone(BURST_ENDS)).as("every attempt got a final answer; unanswered: %s",
                    burst.unanswered()).isTrue();
            String whileDown = burst.tally(killedAt, readyAt);
            String all = burst.tally(0, Long.MAX_VALUE);

            assertOnlyAllowedAnswers(burst, fault, killedAt, readyAt);
            Map<String, Integer> counts = assertRegistrationsKept(eventId, burst);
            awaitEveryServiceAgrees(events);
            long convergedAt = System.nanoTime();

            long lastAnswer = burst.lastAnswerAt() - backAt;
            String line = String.format("%-20s killed -> back %5.1f s | back -> ready %5.1f s | back -> converged "
                    + "%5.1f s | last registration answered %s | %d confirmed, %d waitlisted%n"
                    + "%-20s answers while down (kill -> ready): %s%n%-20s all answers of the burst: %s",
                    fault.part, seconds(backAt - killedAt), readyMillis / 1000.0, seconds(convergedAt - backAt),
                    lastAnswer < 0 ? "before it was back" : String.format("%.1f s after back", seconds(lastAnswer)),
                    counts.get("confirmed"), counts.get("waitlisted"), "", whileDown, "", all);
            return line;
        } finally {
            burst.abandon();
        }
    }

    /** Only 201, 409 and 503 were ever answered; no answer at all only while registration-service was dead. */
    private static void assertOnlyAllowedAnswers(RegistrationBurst burst, Fault fault, long killedAt, long readyAt) {
        List<Exchange> exchanges = burst.exchanges();
        assertThat(exchanges).as("answers other than 201, 409, 503 (%s)", burst.tally(0, Long.MAX_VALUE))
                .filteredOn(e -> e.status() >= 0).extracting(Exchange::status)
                .allMatch(Set.of(201, 409, 503)::contains);
        List<Exchange> unanswered = exchanges.stream().filter(e -> e.status() < 0).toList();
        if (fault.registrationItself) {
            assertThat(unanswered).as("requests without an answer outside registration-service's outage")
                    .allMatch(e -> e.atNanos() >= killedAt && e.atNanos() <= readyAt);
        } else {
            assertThat(unanswered).as("requests without an answer while registration-service ran").isEmpty();
        }
        // The final answers: a registration, or "already registered" for a second attempt with a new key.
        for (Answer answer : burst.answers()) {
            assertThat(answer.status() + " " + (answer.problemType() == null ? "" : answer.problemType()))
                    .as("final answer to attempt %d", answer.attempt()).isIn("201 ", "409 already-registered");
        }
    }

    /**
     * Every registration an attendee was told about is there, with the status and waiting-list place they were
     * told (nobody cancelled, so places do not move); nothing else is registered; the seats are never exceeded and
     * the waiting list is 1..n. Returns registration's counts.
     */
    private static Map<String, Integer> assertRegistrationsKept(String eventId, RegistrationBurst burst) {
        List<Answer> registered = burst.answers().stream().filter(a -> a.status() == 201).toList();
        assertThat(registered).extracting(Answer::email).doesNotHaveDuplicates();
        assertThat(registered).as("one registration per person").hasSize(ATTENDEES);
        assertThat(burst.answers()).filteredOn(a -> a.status() == 409).as("second attempts refused")
                .hasSize(ATTEMPTS - ATTENDEES);

        Map<String, String> roll = roll(eventId);
        Map<String, String> told = registered.stream()
                .collect(Collectors.toMap(Answer::registrationId, Answer::registrationStatus));
        assertThat(roll).as("the roll: exactly the registrations attendees were told about, with that status")
                .isEqualTo(told);

        JsonPath event = organizer(Service.REGISTRATION).get("/api/events/{e}", eventId).then().statusCode(200)
                .extract().jsonPath();
        int confirmed = event.getInt("confirmed");
        int waitlisted = event.getInt("waitlisted");
        assertThat(confirmed).as("confirmed").isEqualTo(SEATS);
        assertThat(waitlisted).as("waitlisted").isEqualTo(ATTENDEES - SEATS);

        List<Integer> positions = new ArrayList<>();
        for (Answer answer : registered) {
            if (!"WAITLISTED".equals(answer.registrationStatus())) {
                continue;
            }
            Integer now = organizer(Service.REGISTRATION)
                    .get("/api/events/{e}/registrations/{r}", eventId, answer.registrationId()).then()
                    .statusCode(200).extract().path("waitlistPosition");
            assertThat(now).as("waiting-list place of %s", answer.email()).isEqualTo(answer.waitlistPosition());
            positions.add(now);
        }
        assertThat(positions).as("the waiting list").containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, waitlisted).boxed().toList());
        return Map.of("confirmed", confirmed, "waitlisted", waitlisted);
    }

    /** Registration id to status, the whole roll. */
    private static Map<String, String> roll(String eventId) {
        Map<String, String> roll = new HashMap<>();
        String after = null;
        do {
            var request = organizer(Service.REGISTRATION).queryParam("limit", 500);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/api/events/{e}/roll", eventId).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> rows = page.getList("registrations");
            rows.forEach(row -> roll.put((String) row.get("id"), (String) row.get("status")));
            after = page.getString("next");
        } while (after != null);
        return roll;
    }

    /** Budget, venue and notification all come to registration's counts, for every event of the suite. */
    private static void awaitEveryServiceAgrees(List<String> eventIds) {
        await("budget, venue and notification agree with registration").atMost(CONVERGES)
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
                    for (String eventId : eventIds) {
                        Map<String, String> views = views(eventId);
                        String registration = views.get("registration");
                        assertThat(views).as("event %s", eventId).containsEntry("budget", registration)
                                .containsEntry("notification", registration)
                                .containsEntry("venue", registration.substring(0, registration.indexOf(' ')));
                    }
                });
    }

    /** "confirmed=40 waitlisted=230" as each service shows it (venue knows only the confirmed). */
    private static Map<String, String> views(String eventId) {
        Map<String, String> views = new LinkedHashMap<>();
        JsonPath event = ok(organizer(Service.REGISTRATION).get("/api/events/{e}", eventId));
        views.put("registration", counts(event.getInt("confirmed"), event.getInt("waitlisted")));
        JsonPath budget = ok(Api.as(url(Service.BUDGET), "finance", "fiona.finance@example.com")
                .get("/api/events/{e}/budget", eventId));
        views.put("budget", counts(budget.getInt("headcount.confirmed"), budget.getInt("headcount.waitlisted")));
        JsonPath readiness = ok(Api.as(url(Service.VENUE), "facility", "frank.facility@example.com")
                .get("/api/events/{e}/readiness", eventId));
        views.put("venue", "confirmed=" + readiness.getInt("expectedHeadcount"));
        JsonPath briefings = ok(organizer(Service.NOTIFICATION).get("/api/events/{e}/briefings", eventId));
        views.put("notification",
                counts(briefings.getInt("headcount.confirmed"), briefings.getInt("headcount.waitlisted")));
        return views;
    }

    private static String counts(int confirmed, int waitlisted) {
        return "confirmed=" + confirmed + " waitlisted=" + waitlisted;
    }

    private static JsonPath ok(Response response) {
        ExtractableResponse<Response> answer = response.then().extract();
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
        return answer.jsonPath();
    }

    private static String scheduleEvent(String title) {
        Instant startsAt = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS);
        return organizer(Service.REGISTRATION).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("title", title, "startsAt", startsAt.toString(),
                        "endsAt", startsAt.plus(Duration.ofHours(8)).toString(), "timeZone", "Europe/Stockholm",
                        "capacity", SEATS))
                .post("/api/events").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification organizer(Service service) {
        return Api.as(url(service), "organizer", Api.ORGANIZER);
    }

    private static String url(Service service) {
        return stack.service(service).url();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
