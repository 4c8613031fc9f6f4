import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Registration benchmark: a burst of concurrent registrations against one event through HTTP, the same statements
 * over JDBC as a baseline in the same run, roll paging with 100,000 registrations, and the CSV export of them.
 * Arguments: base URL, JDBC URL, organizer token, burst size, seats, JDBC pool size.
 */
public class RegistrationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String jdbc = args[1];
        String token = args[2];
        int burst = Integer.parseInt(args[3]);
        int seats = Integer.parseInt(args[4]);
        int pool = Integer.parseInt(args[5]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(64)).build();

        warmUp(http, base, token);

        // 1. HTTP burst
        String eventId = createEvent(http, base, token, "Burst", seats);
        List<CompletableFuture<long[]>> answers = new ArrayList<>();
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            String body = "{\"attendee\":{\"email\":\"burst" + i + "@example.com\",\"name\":\"Burst " + i + "\"}}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events/" + eventId + "/registrations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                long took = System.nanoTime() - sent;
                if (failure != null || response.statusCode() != 201) {
                    errors.incrementAndGet();
                    return new long[] { took, -1 };
                }
                bodies.add(response.body());
                return new long[] { took, 201 };
            }));
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<long[]> answer : answers) {
            latencies.add(answer.get()[0]);
        }
        double httpSeconds = (System.nanoTime() - start) / 1e9;
        int confirmed = 0;
        List<Integer> positions = new ArrayList<>();
        for (String body : bodies) {
            JsonNode node = JSON.readTree(body);
            if ("CONFIRMED".equals(node.get("status").asText())) {
                confirmed++;
            } else {
                positions.add(node.get("waitlistPosition").asInt());
            }
        }
        Collections.sort(positions);
        boolean gapless = true;
        for (int i = 0; i < positions.size(); i++) {
            gapless &= positions.get(i) == i + 1;
        }
        // Positions in the answers are the position at the time of each answer; the list itself must be 1..n.
        List<Integer> listed = waitlistPositions(jdbc, eventId);
        boolean listGapless = true;
        for (int i = 0; i < listed.size(); i++) {
            listGapless &= listed.get(i) == i + 1;
        }
        double httpThroughput = burst / httpSeconds;
        System.out.printf("HTTP burst: %d attempts, %d seats: confirmed %d, waitlisted %d (answer positions 1..%d "
                + "without gaps or repeats: %s; waiting list ranks 1..%d gapless: %s), errors %d%n", burst, seats,
                confirmed, positions.size(), positions.size(), gapless, listed.size(), listGapless, errors.get());
        System.out.printf("HTTP burst: %.2f s, %.0f registrations/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                httpSeconds, httpThroughput, percentile(latencies, 50), percentile(latencies, 99),
                percentile(latencies, 100));

        // 2. The same statements over JDBC, same event shape, same pool size as the service.
        String sqlEvent = createEvent(http, base, token, "SQL baseline", seats);
        double sqlThroughput = jdbcBaseline(jdbc, sqlEvent, burst, pool);
        System.out.printf("JDBC baseline (same statements, %d connections): %.0f registrations/s%n", pool,
                sqlThroughput);
        System.out.printf("Ratio HTTP / SQL throughput: %.2f (target >= 0.5)%n", httpThroughput / sqlThroughput);

        // 3. Roll paging and CSV export with 100,000 registrations
        String bigEvent = createEvent(http, base, token, "Big roll", 100_000);
        long filled = fill(jdbc, bigEvent, 100_000);
        List<Long> pageTimes = new ArrayList<>();
        Random random = new Random(7);
        long firstSeq = firstSeq(jdbc, bigEvent);
        for (int i = 0; i < 300; i++) {
            long after = firstSeq + random.nextInt(99_800);
            String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(after).getBytes());
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events/" + bigEvent
                    + "/roll?limit=100&after=" + cursor)).header("Authorization", "Bearer " + token).GET().build();
            long sent = System.nanoTime();
            HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - sent;
            if (page.statusCode() != 200 || JSON.readTree(page.body()).get("registrations").size() != 100) {
                throw new IllegalStateException("roll page failed: " + page.statusCode());
            }
            if (i >= 50) {
                pageTimes.add(took);
            }
        }
        System.out.printf("Roll: %d registrations, 100-row pages at random cursors: p50 %.1f ms, p99 %.1f ms "
                + "(target p99 < 20 ms)%n", filled, percentile(pageTimes, 50), percentile(pageTimes, 99));
        long exportStart = System.nanoTime();
        HttpResponse<java.io.InputStream> csv = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events/"
                + bigEvent + "/roll.csv")).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        try (var in = csv.body()) {
            byte[] buffer = new byte[65536];
            int read;
            while ((read = in.read(buffer)) > 0) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        System.out.printf("CSV export: %d lines (header + rows), %.1f MB in %.2f s%n", lines, bytes / 1e6,
                (System.nanoTime() - exportStart) / 1e9);
        System.exit(0);
    }

    private static void warmUp(HttpClient http, String base, String token) throws Exception {
        String eventId = createEvent(http, base, token, "Warm-up", 50);
        for (int i = 0; i < 200; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events/" + eventId + "/registrations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"attendee\":{\"email\":\"warm" + i
                            + "@example.com\",\"name\":\"Warm\"}}")).build();
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String createEvent(HttpClient http, String base, String token, String title, int capacity)
            throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(90));
        String body = "{\"title\":\"" + title + "\",\"startsAt\":\"" + start + "\",\"endsAt\":\""
                + start.plus(Duration.ofHours(8)) + "\",\"timeZone\":\"Europe/Stockholm\",\"capacity\":" + capacity
                + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("could not create event: " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /**
     * What one registration executes in the service, statement for statement: the questions read, then in one
     * transaction the event lock, the duplicate check, the registration insert with the event update, two outbox
     * rows and the commit; then the reads for the answer (conflicts, session choices).
     */
    private static double jdbcBaseline(String jdbc, String eventId, int count, int pool) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(pool);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < pool; w++) {
            done.add(workers.submit(() -> {
                try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                    c.setAutoCommit(false);
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        registerOnce(c, UUID.fromString(eventId), "sql" + i + "@example.com");
                        c.commit();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        workers.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static void registerOnce(Connection c, UUID eventId, String email) throws Exception {
        // The event's questions are read before the lock, to check the answers.
        try (PreparedStatement questions = c.prepareStatement("select id, key, kind, required, choices from "
                + "question where event_id = ? order by position")) {
            questions.setObject(1, eventId);
            questions.executeQuery().close();
        }
        int capacity;
        int confirmed;
        int waitlisted;
        long counter;
        long sequence;
        try (PreparedStatement lock = c.prepareStatement("select capacity, room_safe_occupancy, confirmed_count, "
                + "waitlisted_count, waitlist_counter, headcount_sequence, status, registration_opens_at, "
                + "registration_closes_at, starts_at from event where id = ? for update")) {
            lock.setObject(1, eventId);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                capacity = rs.getInt(1);
                confirmed = rs.getInt(3);
                waitlisted = rs.getInt(4);
                counter = rs.getLong(5);
                sequence = rs.getLong(6);
            }
        }
        try (PreparedStatement existing = c.prepareStatement("select id from registration where event_id = ? and "
                + "lower(attendee_email) = lower(?) and status <> 'CANCELLED' limit 1")) {
            existing.setObject(1, eventId);
            existing.setString(2, email);
            existing.executeQuery().close();
        }
        boolean seated = confirmed + 1 <= capacity && waitlisted == 0;
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = c.prepareStatement("insert into registration (id, event_id, attendee_email, "
                + "attendee_name, status, waitlist_rank, registered_at, organisation, group_id, late_cancellation, "
                + "no_show) values (?, ?, ?, ?, ?, ?, ?, null, null, false, false)")) {
            insert.setObject(1, id);
            insert.setObject(2, eventId);
            insert.setString(3, email);
            insert.setString(4, "SQL");
            insert.setString(5, seated ? "CONFIRMED" : "WAITLISTED");
            if (seated) {
                insert.setNull(6, java.sql.Types.BIGINT);
            } else {
                insert.setLong(6, counter + 1);
            }
            insert.setTimestamp(7, now);
            insert.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement("update event set confirmed_count = ?, waitlisted_count = ?, "
                + "waitlist_counter = ?, headcount_sequence = ? where id = ?")) {
            update.setInt(1, seated ? confirmed + 1 : confirmed);
            update.setInt(2, seated ? waitlisted : waitlisted + 1);
            update.setLong(3, seated ? counter : counter + 1);
            update.setLong(4, sequence + 1);
            update.setObject(5, eventId);
            update.executeUpdate();
        }
        for (int i = 0; i < 2; i++) {
            try (PreparedStatement outbox = c.prepareStatement("insert into outbox_event (event_id, topic, "
                    + "aggregate_type, aggregate_id, event_type, event_version, payload, occurred_at) values "
                    + "(?, 'bench.baseline', 'event', ?, 'bench', 1, cast(? as jsonb), ?)")) {
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, eventId.toString());
                outbox.setString(3, "{\"eventId\":\"" + eventId + "\",\"email\":\"" + email + "\"}");
                outbox.setTimestamp(4, now);
                outbox.executeUpdate();
            }
        }
        c.commit();
        // The answer's session choices and conflict warnings are read after the change, as the service does.
        try (PreparedStatement conflicts = c.prepareStatement("select count(*) from registration r join event e on "
                + "e.id = r.event_id join registration ro on lower(ro.attendee_email) = lower(r.attendee_email) and "
                + "ro.event_id <> r.event_id and ro.status <> 'CANCELLED' join event o on o.id = ro.event_id where "
                + "r.event_id = ? and lower(r.attendee_email) = lower(?) and o.starts_at < e.ends_at and "
                + "e.starts_at < o.ends_at")) {
            conflicts.setObject(1, eventId);
            conflicts.setString(2, email);
            conflicts.executeQuery().close();
        }
        try (PreparedStatement overlappingSessions = c.prepareStatement("select count(*) from registration r join "
                + "registration_session rs on rs.registration_id = r.id and rs.status <> 'DROPPED' join session s on "
                + "s.id = rs.session_id join registration_session rso on rso.registration_id = r.id and "
                + "rso.status <> 'DROPPED' and rso.session_id <> rs.session_id join session so on so.id = "
                + "rso.session_id where r.event_id = ? and lower(r.attendee_email) = lower(?) and so.starts_at < "
                + "s.ends_at and s.starts_at < so.ends_at")) {
            overlappingSessions.setObject(1, eventId);
            overlappingSessions.setString(2, email);
            overlappingSessions.executeQuery().close();
        }
        try (PreparedStatement choices = c.prepareStatement("select s.id, s.title, rs.status from "
                + "registration_session rs join session s on s.id = rs.session_id where rs.registration_id = ?")) {
            choices.setObject(1, id);
            choices.executeQuery().close();
        }
    }

    private static List<Integer> waitlistPositions(String jdbc, String eventId) throws Exception {
        List<Integer> ranks = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select row_number() over (order by waitlist_rank) from "
                        + "registration where event_id = ? and status = 'WAITLISTED' order by waitlist_rank")) {
            s.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ranks.add(rs.getInt(1));
                }
            }
        }
        return ranks;
    }

    private static long fill(String jdbc, String eventId, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("insert into registration (id, event_id, attendee_email, "
                        + "attendee_name, status, registered_at, organisation) select gen_random_uuid(), ?, "
                        + "'roll' || g || '@example.com', 'Roll Person ' || g, 'CONFIRMED', now(), 'Org ' || (g % 50) "
                        + "from generate_series(1, ?) g")) {
            s.setObject(1, UUID.fromString(eventId));
            s.setInt(2, rows);
            int inserted = s.executeUpdate();
            try (PreparedStatement analyze = c.prepareStatement("analyze registration")) {
                analyze.execute();
            }
            return inserted;
        }
    }

    private static long firstSeq(String jdbc, String eventId) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement("select min(seq) from registration where event_id = ?")) {
            s.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) - 1;
            }
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
