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
 * Arguments: base URL, JDBC URL, organizer token, burst size, seats, JDBC pool size, the service's process id,
 * measured rounds, the benchmark PostgreSQL server's process id (its CPU and its backends' is PostgreSQL's share).
 */
public class RegistrationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP_BURSTS = 5;
    /** Roll pages read before measuring (they warm the roll's code path up), then pages measured. */
    private static final int ROLL_WARM_UP_PAGES = 500;
    private static final int ROLL_PAGES = 1000;
    /** How long the HTTP client keeps an idle connection (the JDK's default is 20 minutes). */
    private static final int KEEP_ALIVE_SECONDS = 20;
    /**
     * BENCH_IDEMPOTENCY_KEYS=on sends each registration with its own Idempotency-Key, as the product's clients do: its
     * answer is then stored, and its audit entry written, in the registration's own transaction.
     */
    private static final boolean IDEMPOTENCY_KEYS = "on".equals(System.getenv("BENCH_IDEMPOTENCY_KEYS"));

    public static void main(String[] args) throws Exception {
        if (args[0].equals("roll")) {
            rollFromAClientOfItsOwn(args);
            return;
        }
        String base = args[0];
        String jdbc = args[1];
        String token = args[2];
        int burst = Integer.parseInt(args[3]);
        int seats = Integer.parseInt(args[4]);
        int pool = Integer.parseInt(args[5]);
        long servicePid = Long.parseLong(args[6]);
        int rounds = Integer.parseInt(args[7]);
        CpuUse.postgresServer = Long.parseLong(args[8]);
        // Read when the first client is built: the bursts' idle connections are closed before the roll's second measure.
        System.setProperty("jdk.httpclient.keepalive.timeout", Integer.toString(KEEP_ALIVE_SECONDS));
        // HTTP/1.1, as API clients speak it over plain http (HTTP/2 without TLS is rare outside benchmarks).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(64)).build();

        System.out.println("Registrations are sent " + (IDEMPOTENCY_KEYS ? "with" : "without")
                + " an Idempotency-Key each (BENCH_IDEMPOTENCY_KEYS=on|off)");
        warmUp(http, base, token);

        // 1. HTTP burst, measured on a warm service: the same burst runs first on other events, so the measured one
        //    does not pay for the just-in-time compilation of the paths it exercises (on two cores the service's CPU
        //    per registration still falls from the fourth burst to the fifth).
        for (int round = 1; round <= WARM_UP_BURSTS; round++) {
            String warmEvent = createEvent(http, base, token, "Warm-up burst " + round, seats);
            long warmStart = System.nanoTime();
            sendBurst(http, base, token, warmEvent, "warm", burst, new ArrayList<>(), new AtomicInteger());
            System.out.printf("Warm-up burst %d: %.0f registrations/s%n", round,
                    burst / ((System.nanoTime() - warmStart) / 1e9));
        }
        jdbcBaseline(jdbc, createEvent(http, base, token, "SQL warm-up", seats), burst, pool);

        // 2. Measured rounds, each an HTTP burst and then the same statements over JDBC (same event shape, same pool
        //    size as the service), each phase started on a quiet service. The ratio is the median of the rounds.
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            waitUntilQuiet(servicePid);
            double httpThroughput = measuredBurst(http, base, jdbc, token, seats, burst, servicePid, round);
            waitUntilQuiet(servicePid);
            String sqlEvent = createEvent(http, base, token, "SQL baseline " + round, seats);
            CpuUse sqlCpu = CpuUse.start(servicePid);
            double sqlThroughput = jdbcBaseline(jdbc, sqlEvent, burst, pool);
            sqlCpu.stop();
            System.out.printf("Round %d JDBC baseline (same statements, %d connections): %.0f registrations/s%n", round,
                    pool, sqlThroughput);
            sqlCpu.print("Round " + round + " JDBC baseline", burst);
            ratios.add(httpThroughput / sqlThroughput);
            System.out.printf("Round %d ratio HTTP / SQL throughput: %.2f%n", round, httpThroughput / sqlThroughput);
        }
        Collections.sort(ratios);
        System.out.printf("Ratio HTTP / SQL throughput, median of %d rounds: %.2f (rounds %s; target >= 0.8)%n",
                rounds, ratios.get(ratios.size() / 2),
                ratios.stream().map(r -> String.format("%.2f", r)).toList());

        // 3. Roll paging and CSV export with 100,000 registrations
        String bigEvent = createEvent(http, base, token, "Big roll", 100_000);
        long filled = fill(jdbc, bigEvent, 100_000);
        long firstSeq = firstSeq(jdbc, bigEvent);
        rollPages(http, base, jdbc, token, bigEvent, firstSeq, filled, "with the burst clients' connections open");
        // The bursts left their 2,000 keep-alive connections open on the service (2,000 server connections with their
        // buffers, live in its heap until the clients close them). Measured again once the client has closed them
        // (it closes connections idle for KEEP_ALIVE_SECONDS), as a service behind a proxy with a few pooled
        // connections runs.
        Thread.sleep((KEEP_ALIVE_SECONDS + 2) * 1000L);
        rollPages(http, base, jdbc, token, bigEvent, firstSeq, filled, "once those connections were closed");
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
        // run.sh pages the roll once more from a client of its own (see rollFromAClientOfItsOwn).
        System.out.printf("Roll event for a client of its own: %s %d %d%n", bigEvent, firstSeq, filled);
        System.exit(0);
    }

    /**
     * The roll paged by a client of its own, a fresh JVM that holds nothing but its pages, as a front end's would:
     * this benchmark's own JVM still holds the bursts' clients and data while it pages, and its collector's pauses
     * (7-22 ms every second or two) land in the times it measures. Arguments: "roll", base URL, JDBC URL, token, the
     * big event, its first roll position, its registrations.
     */
    private static void rollFromAClientOfItsOwn(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        rollPages(http, args[1], args[2], args[3], args[4], Long.parseLong(args[5]), Long.parseLong(args[6]),
                "from a client of its own (a fresh JVM that only pages)");
    }

    /** One measured HTTP burst on a new event: checks its outcome, prints it, answers its throughput. */
    /**
     * Pages of the roll at random cursors through the service, each timed in turn with the page's own SQL over JDBC
     * (the baseline, meeting the same machine); the first {@link #ROLL_WARM_UP_PAGES} are not counted.
     */
    private static void rollPages(HttpClient http, String base, String jdbc, String token, String bigEvent,
            long firstSeq, long filled, String state) throws Exception {
        List<Long> pageTimes = new ArrayList<>();
        List<Long> sqlPageTimes = new ArrayList<>();
        Random random = new Random(7);
        // Baseline: the page's own SQL over JDBC, in turn with each request, so that both meet the same machine.
        try (Connection sqlRoll = DriverManager.getConnection(jdbc, "postgres", "postgres");
                PreparedStatement sqlPage = sqlRoll.prepareStatement("select * from registration where event_id = ? "
                        + "and seq > ? order by seq limit 101")) {
            for (int i = 0; i < ROLL_WARM_UP_PAGES + ROLL_PAGES; i++) {
                long after = firstSeq + random.nextInt(99_800);
                long sqlSent = System.nanoTime();
                sqlPage.setObject(1, UUID.fromString(bigEvent));
                sqlPage.setLong(2, after);
                int sqlRows = 0;
                try (ResultSet rows = sqlPage.executeQuery()) {
                    while (rows.next()) {
                        sqlRows++;
                    }
                }
                long sqlTook = System.nanoTime() - sqlSent;
                if (sqlRows != 101) {
                    throw new IllegalStateException("roll page over JDBC: " + sqlRows + " rows");
                }
                String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(after).getBytes());
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/events/" + bigEvent
                        + "/roll?limit=100&after=" + cursor)).header("Authorization", "Bearer " + token).GET().build();
                long sent = System.nanoTime();
                HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - sent;
                if (page.statusCode() != 200 || JSON.readTree(page.body()).get("registrations").size() != 100) {
                    throw new IllegalStateException("roll page failed: " + page.statusCode());
                }
                if (i >= ROLL_WARM_UP_PAGES) {
                    pageTimes.add(took);
                    sqlPageTimes.add(sqlTook);
                }
            }
        }
        System.out.printf("Roll, %s: %d registrations, 100-row pages at random cursors: p50 %.1f ms, p99 %.1f ms "
                + "(target p99 < 10 ms); the page's SQL over JDBC, in turn: p50 %.1f ms, p99 %.1f ms%n", state,
                filled, percentile(pageTimes, 50), percentile(pageTimes, 99), percentile(sqlPageTimes, 50),
                percentile(sqlPageTimes, 99));
    }

    private static double measuredBurst(HttpClient http, String base, String jdbc, String token, int seats, int burst,
            long servicePid, int round) throws Exception {
        String eventId = createEvent(http, base, token, "Burst " + round, seats);
        CpuUse httpCpu = CpuUse.start(servicePid);
        List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        List<Long> latencies = sendBurst(http, base, token, eventId, "burst", burst, bodies, errors);
        double httpSeconds = (System.nanoTime() - start) / 1e9;
        httpCpu.stop();
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
        double throughput = burst / httpSeconds;
        System.out.printf("Round %d HTTP burst: %d attempts, %d seats: confirmed %d, waitlisted %d (answer positions "
                + "1..%d without gaps or repeats: %s; waiting list ranks 1..%d gapless: %s), errors %d%n", round, burst,
                seats, confirmed, positions.size(), positions.size(), gapless, listed.size(), listGapless,
                errors.get());
        System.out.printf("Round %d HTTP burst: %.2f s, %.0f registrations/s, latency p50 %.1f ms, p99 %.1f ms, max "
                + "%.1f ms%n", round, httpSeconds, throughput, percentile(latencies, 50), percentile(latencies, 99),
                percentile(latencies, 100));
        httpCpu.print("Round " + round + " HTTP burst", burst);
        return throughput;
    }

    /**
     * Waits (up to 15 s) until the service has used under 5 % of a core for a whole second: what an earlier phase
     * left behind (outbox publishing, garbage collection, compilation) is then not billed to the next one.
     */
    private static void waitUntilQuiet(long servicePid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            long before = CpuUse.processTicks(servicePid);
            Thread.sleep(1000);
            if (CpuUse.processTicks(servicePid) - before < 5) {
                return;
            }
        }
    }

    /** Sends {@code count} registrations at once; answers with each one's latency in nanoseconds. */
    private static List<Long> sendBurst(HttpClient http, String base, String token, String eventId, String prefix,
            int count, List<String> bodies, AtomicInteger errors) throws Exception {
        List<CompletableFuture<Long>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String body = "{\"attendee\":{\"email\":\"" + prefix + i + "@example.com\",\"name\":\"Burst " + i
                    + "\"}}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/events/" + eventId
                    + "/registrations")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(body));
            if (IDEMPOTENCY_KEYS) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            long sent = System.nanoTime();
            answers.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        long took = System.nanoTime() - sent;
                        if (failure != null || response.statusCode() != 201) {
                            errors.incrementAndGet();
                        } else {
                            bodies.add(response.body());
                        }
                        return took;
                    }));
        }
        List<Long> latencies = new ArrayList<>();
        for (CompletableFuture<Long> answer : answers) {
            latencies.add(answer.get());
        }
        return latencies;
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
     * What one registration executes in the service, statement for statement: before the lock, the questions, the
     * event and the duplicate check; then the atomic placement (which takes the event's row lock), the registration
     * insert, two outbox rows and the commit; then the read for the answer (conflicts with other events).
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
        try (PreparedStatement questions = c.prepareStatement("select id, choices, event_id, key, kind, label, "
                + "position, required from question where event_id = ? order by position")) {
            questions.setObject(1, eventId);
            questions.executeQuery().close();
        }
        try (PreparedStatement event = c.prepareStatement("select * from event where id = ?")) {
            event.setObject(1, eventId);
            event.executeQuery().close();
        }
        try (PreparedStatement existing = c.prepareStatement("select * from registration where event_id = ? and "
                + "lower(attendee_email) = lower(?) and status <> 'CANCELLED'")) {
            existing.setObject(1, eventId);
            existing.setString(2, email);
            existing.executeQuery().close();
        }
        Timestamp now = Timestamp.from(Instant.now());
        boolean seated;
        long counter;
        try (PreparedStatement place = c.prepareStatement("""
                update event set
                    confirmed_count = confirmed_count + case when confirmed_count + ? <= least(capacity,
                        coalesce(room_safe_occupancy, capacity)) and waitlisted_count = 0 then ? else 0 end,
                    waitlisted_count = waitlisted_count + case when confirmed_count + ? <= least(capacity,
                        coalesce(room_safe_occupancy, capacity)) and waitlisted_count = 0 then 0 else ? end,
                    waitlist_counter = waitlist_counter + case when confirmed_count + ? <= least(capacity,
                        coalesce(room_safe_occupancy, capacity)) and waitlisted_count = 0 then 0 else ? end,
                    headcount_sequence = headcount_sequence + 1
                where id = ? and status = 'PUBLISHED'
                  and (? or ((registration_opens_at is null or registration_opens_at <= ?)
                             and ? < coalesce(registration_closes_at, starts_at)))
                returning confirmed_count, waitlisted_count, waitlist_counter, headcount_sequence, checked_in_count,
                          no_show_count, least(capacity, coalesce(room_safe_occupancy, capacity))
                """)) {
            for (int p = 1; p <= 6; p++) {
                place.setInt(p, 1);
            }
            place.setObject(7, eventId);
            place.setBoolean(8, true);
            place.setTimestamp(9, now);
            place.setTimestamp(10, now);
            try (ResultSet rs = place.executeQuery()) {
                rs.next();
                seated = rs.getInt(2) == 0;
                counter = rs.getLong(3);
            }
        }
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = c.prepareStatement("insert into registration (answers, attendee_email, "
                + "attendee_name, cancelled_at, checked_in_at, event_id, group_id, late_cancellation, no_show, "
                + "organisation, promoted_at, registered_at, status, waitlist_rank, id) values (cast(? as jsonb), ?, "
                + "?, null, null, ?, null, false, false, null, null, ?, ?, ?, ?) returning seq")) {
            insert.setString(1, "{}");
            insert.setString(2, email);
            insert.setString(3, "SQL");
            insert.setObject(4, eventId);
            insert.setTimestamp(5, now);
            insert.setString(6, seated ? "CONFIRMED" : "WAITLISTED");
            if (seated) {
                insert.setNull(7, java.sql.Types.BIGINT);
            } else {
                insert.setLong(7, counter);
            }
            insert.setObject(8, id);
            insert.executeQuery().close();
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
        // The answer's conflict warnings are read after the change, as the service does; without session choices
        // there are no choices to read and no clash between sessions to look for.
        try (PreparedStatement conflicts = c.prepareStatement("select r.attendee_email, e.id, null, e.title, "
                + "e.starts_at, e.ends_at, o.id, null, o.title, o.starts_at, o.ends_at from registration r join event e "
                + "on e.id = r.event_id join registration ro on lower(ro.attendee_email) = lower(r.attendee_email) and "
                + "ro.event_id <> r.event_id and ro.status <> 'CANCELLED' join event o on o.id = ro.event_id and "
                + "o.status <> 'CANCELLED' where r.event_id = ? and r.status <> 'CANCELLED' and o.starts_at < e.ends_at "
                + "and e.starts_at < o.ends_at and lower(r.attendee_email) = lower(?) order by r.attendee_email, "
                + "o.starts_at")) {
            conflicts.setObject(1, eventId);
            conflicts.setString(2, email);
            conflicts.executeQuery().close();
        }
        c.commit();
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
            // As after any bulk load: the new rows vacuumed (hint bits and visibility map set once, here, rather than by
            // the first reads of each page, or by an autovacuum started in the middle of the measurement), the
            // statistics taken, and the dirtied pages written out.
            try (PreparedStatement vacuum = c.prepareStatement("vacuum (analyze) registration");
                    PreparedStatement checkpoint = c.prepareStatement("checkpoint")) {
                vacuum.execute();
                checkpoint.execute();
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

    /**
     * CPU time spent during a phase, from /proc (Linux): the whole machine, the service, the PostgreSQL processes,
     * and this driver; it shows where each registration's CPU goes when the machine is the limit.
     */
    private record CpuUse(long servicePid, long[] begin, long[] end) {
        /** The benchmark PostgreSQL's server process: its backends are its children. */
        static long postgresServer;

        static CpuUse start(long servicePid) {
            return new CpuUse(servicePid, sample(servicePid), new long[5]);
        }

        void stop() {
            System.arraycopy(sample(servicePid), 0, end, 0, end.length);
        }

        void print(String phase, int registrations) {
            double tick = 1000.0 / 100; // USER_HZ: 100 ticks per second on Linux
            long wall = end[4] - begin[4];
            System.out.printf("%s CPU: machine busy %.0f%% of %d cores; per registration: service %.2f ms, postgres %.2f "
                    + "ms, benchmark driver %.2f ms%n", phase, 100.0 * (end[0] - begin[0]) * tick / (wall / 1e6)
                    / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors(),
                    (end[1] - begin[1]) * tick / registrations, (end[2] - begin[2]) * tick / registrations,
                    (end[3] - begin[3]) * tick / registrations);
        }

        /** Busy ticks of the machine, the service, the benchmark's PostgreSQL, this process; then nanoTime. */
        private static long[] sample(long servicePid) {
            long[] ticks = new long[5];
            try {
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim()
                        .split("\\s+");
                // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
                for (int i = 1; i <= 8; i++) {
                    ticks[0] += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
                }
                ticks[1] = processTicks(servicePid);
                // The benchmark's server (with the backends it reaped) and its running backends: another
                // PostgreSQL on this machine (a test's, the local stack's) is not billed to the registrations.
                ticks[2] = processTicks(postgresServer);
                try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                    for (java.nio.file.Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+"))
                            .toList()) {
                        try {
                            if (parentOf(dir) == postgresServer) {
                                ticks[2] += processTicks(Long.parseLong(dir.getFileName().toString()));
                            }
                        } catch (java.io.IOException gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                ticks[3] = processTicks(ProcessHandle.current().pid());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ticks[4] = System.nanoTime();
            return ticks;
        }

        private static long parentOf(java.nio.file.Path process) throws java.io.IOException {
            String stat = java.nio.file.Files.readString(process.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }

        /** utime + stime of a process and its reaped children, in ticks. */
        static long processTicks(long pid) throws java.io.IOException {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
