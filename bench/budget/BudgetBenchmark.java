import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Budget benchmark, run by bench/budget/run.sh against a packaged budget-service: recompute of a 10,000-line budget,
 * its view (a summary plus a page of lines, and whole), and export of 100,000 journal lines (synchronously and as an
 * export job) with the service's resident memory sampled meanwhile. Each figure is the median of several
 * runs, next to a baseline measured in the same run on the same data: the bare SQL the operation cannot avoid.
 * Each figure is printed next to its target (README, "Performance"). Nothing here asserts a time. Arguments: base
 * URL, JDBC URL, Kafka bootstrap servers, a finance token, the service's process id.
 */
public class BudgetBenchmark {
    static final int LINES = 10_000;
    static final int JOURNAL_LINES = 100_000;
    static final int RUNS = 7;
    /**
     * Rounds of the measured requests on a smaller budget of their own before measuring: the figures are those of a
     * service that has been serving for a while (its code compiled by the JIT), not of its first requests.
     */
    static final int WARMUP_ROUNDS = 200;
    static final int WARMUP_LINES = 1_000;
    /** Lines per page of the paged view. */
    static final int PAGE = 100;
    /** The roll-up's budgets, and the lines of each. */
    static final int ROLL_UP_BUDGETS = 200;
    static final int ROLL_UP_LINES = 20;
    /** Entries per page of the ledger (its default). */
    static final int LEDGER_PAGE = 500;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    final String base;
    final String jdbc;

    BudgetBenchmark(String base, String jdbc) {
        this.base = base.replaceAll("/$", "");
        this.jdbc = jdbc;
    }

    /** The service's process id (its resident memory is sampled during the exports); 0 when unknown. */
    long servicePid;

    public static void main(String[] args) throws Exception {
        BudgetBenchmark benchmark = new BudgetBenchmark(args[0], args[1]);
        benchmark.servicePid = args.length > 4 ? Long.parseLong(args[4]) : 0;
        benchmark.printFigures(args[2], "Bearer " + args[3]);
    }

    /** The performance targets (README, "Performance"), in ms (memory in MB). */
    static final long RECOMPUTE_TARGET = 50;
    static final long VIEW_TARGET = 100;
    static final long EXPORT_TARGET = 1500;
    static final long MEMORY_TARGET_MB = 350;

    static String verdict(long measured, long target) {
        return measured < target ? "MET" : "MISSED";
    }

    /** An event announced as scheduled, and its budget (made by the service on that announcement) set to EUR. */
    UUID budgetedEvent(String kafka, String finance, Instant start, String costCentre) throws Exception {
        UUID eventId = UUID.randomUUID();
        announceScheduled(kafka, eventId, start);
        awaitBudget(finance, eventId);
        send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget"))
                .header("Authorization", finance).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"currency\": \"EUR\", \"department\": \"Bench\", "
                        + "\"costCentre\": \"" + costCentre + "\"}")), 200);
        return eventId;
    }

    void printFigures(String kafka, String finance) throws Exception {
        Instant start = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        UUID eventId = budgetedEvent(kafka, finance, start, "CC-B");
        try (Connection db = connect()) {
            seedLines(db, eventId, LINES);
            seedLedger(db, eventId);
            warmUp(kafka, finance, db, start);

            // 1. Recompute of a 10,000-line budget: a line added through the API recomputes every line, compares
            //    the forecast and announces it, in one transaction. Baseline: reading the same rows with plain SQL.
            long[] recompute = new long[RUNS];
            long[] read = new long[RUNS];
            long[] view = new long[RUNS];
            long[] summary = new long[RUNS];
            long[] page = new long[RUNS];
            String newLine = """
                    {"category": "OTHER", "description": "bench", "kind": "PER_ATTENDEE", "unitAmount": 1.25,
                     "glAccount": "6400"}""";
            for (int i = 0; i < RUNS; i++) {
                read[i] = time(() -> readLines(db, eventId));
                recompute[i] = time(() -> send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget/lines"))
                        .header("Authorization", finance).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(newLine)), 201));
                view[i] = time(() -> send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget"))
                        .header("Authorization", finance).GET(), 200));
                // The view of a large budget: its summary (totals, no lines) and the first page of its lines.
                summary[i] = time(() -> send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget/summary"))
                        .header("Authorization", finance).GET(), 200));
                page[i] = time(() -> send(HttpRequest.newBuilder(uri("/api/events/" + eventId
                        + "/budget/lines?limit=" + PAGE)).header("Authorization", finance).GET(), 200));
            }
            long[] pagedView = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                pagedView[i] = summary[i] + page[i];
            }
            // 2. Export of 100,000 journal lines (50,000 ledger entries). Baseline: COPY of the same rows as CSV.
            long[] exportCsv = new long[RUNS];
            long[] exportJson = new long[RUNS];
            long[] copy = new long[RUNS];
            int[] csvLines = new int[1];
            URI journal = uri("/api/finance/journal?from=1999-01-01&to=1999-01-31");
            MemorySampler memory = new MemorySampler(servicePid);
            memory.start();
            for (int i = 0; i < RUNS; i++) {
                copy[i] = time(() -> copyLedger(db));
                exportCsv[i] = time(() -> csvLines[0] = (int) send(HttpRequest.newBuilder(journal)
                        .header("Authorization", finance).header("Accept", "text/csv").GET(), 200) - 1);
                exportJson[i] = time(() -> send(HttpRequest.newBuilder(journal)
                        .header("Authorization", finance).header("Accept", "application/json").GET(), 200));
            }
            // 2b. The budget's own ledger (its 50,000 entries), its first page of 500 as a front end shows it.
            //     Baseline: the same 500 rows read with plain SQL.
            long[] ledgerPage = new long[RUNS];
            long[] ledgerRows = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                ledgerRows[i] = time(() -> readLedgerPage(db, eventId, LEDGER_PAGE));
                ledgerPage[i] = time(() -> send(HttpRequest.newBuilder(uri("/api/events/" + eventId
                        + "/budget/ledger?limit=" + LEDGER_PAGE)).header("Authorization", finance).GET(), 200));
            }
            // 2c. A roll-up of a quarter's budgets of one department. Baseline: their lines summed per budget and
            //     category with plain SQL.
            UUID[] rollUpBudgets = seedRollUp(db, eventId);
            long[] rollUp = new long[RUNS];
            long[] rollUpSql = new long[RUNS];
            URI rollUpUri = uri("/api/roll-up?period=2031-Q1&currency=EUR");
            for (int i = 0; i < RUNS; i++) {
                rollUpSql[i] = time(() -> sumRollUpLines(db, rollUpBudgets));
                rollUp[i] = time(() -> send(HttpRequest.newBuilder(rollUpUri).header("Authorization", finance)
                        .GET(), 200));
            }
            // 3. The same 100,000 lines as an export job (CSV): requested, run by the worker, polled, downloaded.
            long[] job = new long[RUNS];
            long[] jobLines = new long[1];
            for (int i = 0; i < RUNS; i++) {
                job[i] = time(() -> jobLines[0] = exportJob(finance) - 1);
            }
            memory.interrupt();
            memory.join();
            System.out.println();
            System.out.println("BENCH budget (median of " + RUNS + " runs, ms, after " + WARMUP_ROUNDS
                    + " unmeasured rounds on a " + WARMUP_LINES + "-line budget; each target and whether met)");
            System.out.printf("BENCH recompute %d-line budget via POST line: %d ms (target < %d ms: %s); baseline SQL "
                    + "read of the lines: %d ms; ratio %.1fx%n", LINES, median(recompute), RECOMPUTE_TARGET,
                    verdict(median(recompute), RECOMPUTE_TARGET), median(read), ratio(recompute, read));
            System.out.printf("BENCH budget view, summary + first page of %d lines: %d ms (target < %d ms: %s; "
                    + "summary %d ms, page %d ms); ratio to SQL read %.1fx%n", PAGE, median(pagedView), VIEW_TARGET,
                    verdict(median(pagedView), VIEW_TARGET), median(summary), median(page), ratio(pagedView, read));
            System.out.printf("BENCH budget view, whole (GET of all %d lines, for front ends that read it whole): "
                    + "%d ms; ratio to SQL read %.1fx%n", LINES, median(view), ratio(view, read));
            System.out.printf("BENCH export %d journal lines as CSV: %d ms (target < %d ms: %s); baseline COPY of "
                    + "the ledger rows: %d ms; ratio %.1fx%n", csvLines[0], median(exportCsv), EXPORT_TARGET,
                    verdict(median(exportCsv), EXPORT_TARGET), median(copy), ratio(exportCsv, copy));
            System.out.printf("BENCH export %d journal lines as JSON: %d ms (target < %d ms: %s); ratio to COPY "
                    + "%.1fx%n", JOURNAL_LINES, median(exportJson), EXPORT_TARGET,
                    verdict(median(exportJson), EXPORT_TARGET), ratio(exportJson, copy));
            System.out.printf("BENCH ledger of a budget with %d entries, first page of %d: %d ms; baseline SQL read "
                    + "of the page: %d ms; ratio %.1fx%n", JOURNAL_LINES / 2, LEDGER_PAGE, median(ledgerPage),
                    median(ledgerRows), ratio(ledgerPage, ledgerRows));
            System.out.printf("BENCH roll-up of a quarter, %d budgets of %d lines: %d ms; baseline SQL sums of their "
                    + "lines by budget and category: %d ms; ratio %.1fx%n", ROLL_UP_BUDGETS, ROLL_UP_LINES,
                    median(rollUp), median(rollUpSql), ratio(rollUp, rollUpSql));
            System.out.printf("BENCH export job of %d journal lines as CSV (request, worker pickup within its 1 s poll, run, download): "
                    + "%d ms; ratio to COPY %.1fx%n", jobLines[0], median(job), ratio(job, copy));
            if (memory.samples > 0) {
                System.out.printf("BENCH service resident memory during the exports (sampled every 50 ms): max %d "
                        + "MB (target < %d MB: %s), at their start %d MB%n", memory.maxKb / 1024, MEMORY_TARGET_MB,
                        verdict(memory.maxKb / 1024, MEMORY_TARGET_MB), memory.firstKb / 1024);
            }
        }
    }

    /**
     * Sends the request and reads the whole answer, counting its lines. A plain HTTP client, not RestAssured: its
     * log-on-failure filter pretty-prints every JSON answer on the client (about 8 s for the 100,000-line journal),
     * which measured the test client instead of the service.
     */
    long send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            long lines = 0;
            try (InputStream body = response.body()) {
                byte[] buffer = new byte[65536];
                for (int n; (n = body.read(buffer)) > 0;) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode());
            }
            return lines;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Requests a CSV export job of the seeded period, polls it until DONE and downloads it; the file's lines. */
    long exportJob(String finance) {
        try {
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(uri("/api/finance/exports"))
                    .header("Authorization", finance).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"from\": \"1999-01-01\", \"to\": \"1999-01-31\", \"format\": \"CSV\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                throw new IllegalStateException("export job answered " + started.statusCode());
            }
            String location = started.headers().firstValue("Location").orElseThrow();
            String job = location.substring(location.indexOf("/api/"));
            for (int polls = 0; polls < 15_000; polls++) {
                String status = HTTP.send(HttpRequest.newBuilder(uri(job)).header("Authorization", finance).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (status.contains("\"status\":\"DONE\"")) {
                    return send(HttpRequest.newBuilder(uri(job + "/file")).header("Authorization", finance).GET(),
                            200);
                }
                if (status.contains("\"status\":\"FAILED\"")) {
                    throw new IllegalStateException("export job failed: " + status);
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("export job did not finish within 300 s");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbc, "postgres", "postgres");
    }

    /**
     * Announces the event as registration-service's relay does (CloudEvents binary headers), so budget-service drafts
     * its budget from it, as it does for every scheduled event.
     */
    static void announceScheduled(String bootstrap, UUID eventId, Instant start) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        String payload = """
                {"eventId":"%s","title":"Bench","startsAt":"%s","endsAt":"%s","timeZone":"UTC","capacity":500,\
                "access":{"organisation":"acme","owner":"bench.owner@example.com","confidential":false,\
                "coOrganizers":[],"delegates":[]}}""".formatted(eventId, start, start.plus(Duration.ofHours(8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>("registration.events", eventId.toString(),
                    payload);
            record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/registration-service".getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", "registration.event-scheduled.v1".getBytes(StandardCharsets.UTF_8))
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", eventId.toString().getBytes(StandardCharsets.UTF_8))
                    .add("ce_eventversion", "1".getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }

    /** Waits (at most 30 s) until the budget drafted from the announcement answers. */
    void awaitBudget(String finance, UUID eventId) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget"))
                .header("Authorization", finance).GET().build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (HTTP.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no budget was drafted for event " + eventId + " within 30 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The measured requests (a line added, the whole view, the summary, a page of lines), {@link #WARMUP_ROUNDS}
     * times on a budget of {@link #WARMUP_LINES} lines of its own, unmeasured.
     */
    void warmUp(String kafka, String finance, Connection db, Instant start) throws Exception {
        UUID eventId = budgetedEvent(kafka, finance, start, "CC-W");
        seedLines(db, eventId, WARMUP_LINES);
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget/lines"))
                    .header("Authorization", finance).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"category": "OTHER", "description": "warm-up", "kind": "FIXED", "unitAmount": 1.25,
                             "glAccount": "6400"}""")), 201);
            send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget"))
                    .header("Authorization", finance).GET(), 200);
            send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget/summary"))
                    .header("Authorization", finance).GET(), 200);
            send(HttpRequest.newBuilder(uri("/api/events/" + eventId + "/budget/lines?limit=" + PAGE))
                    .header("Authorization", finance).GET(), 200);
        }
    }

    /** Half fixed, half per attendee. Seeded with SQL: the figure is about recomputing, not about inserting. */
    static void seedLines(Connection db, UUID eventId, int lines) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into line_item (id, event_id, category, description, vendor, kind, currency, unit_amount,
                                       gl_account, actual_amount, created_at, updated_at)
                select gen_random_uuid(), ?, 'CATERING', 'line ' || n, 'vendor ' || (n % 50),
                       case when n % 2 = 0 then 'FIXED' else 'PER_ATTENDEE' end, 'EUR',
                       case when n % 2 = 0 then 100 + n % 997 else 12.345 end, '6400', 0,
                       now() + n * interval '1 microsecond', now()
                from generate_series(1, ?) n""")) {
            insert.setObject(1, eventId);
            insert.setInt(2, lines);
            insert.executeUpdate();
        }
        try (PreparedStatement headcount = db.prepareStatement(
                "update event_budget set confirmed = 250, headcount_basis = 250 where event_id = ?")) {
            headcount.setObject(1, eventId);
            headcount.executeUpdate();
        }
    }

    /** 50,000 purchase-order and invoice entries dated January 1999, a period no test writes to. */
    static void seedLedger(Connection db, UUID eventId) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into ledger_entry (entry_id, event_id, line_id, kind, amount, currency, rate, budget_amount,
                                          budget_currency, gl_account, cost_centre, po_number, vendor, description,
                                          occurred_at, recorded_by)
                select gen_random_uuid(), ?, (select id from line_item where event_id = ? limit 1),
                       case when n % 2 = 0 then 'COMMITMENT' else 'ACTUAL' end, 100 + n % 1000, 'USD', 0.92,
                       round((100 + n % 1000) * 0.92, 2), 'EUR', '6400', 'CC-B', 'PO-' || (n / 2), 'vendor',
                       'bench entry ' || n, timestamptz '1999-01-01' + n * interval '1 second', 'bench'
                from generate_series(1, ?) n""")) {
            insert.setObject(1, eventId);
            insert.setObject(2, eventId);
            insert.setInt(3, JOURNAL_LINES / 2);
            insert.executeUpdate();
        }
    }

    /**
     * {@link #ROLL_UP_BUDGETS} budgets like the benchmark's own (its organisation, access and currency) of events
     * starting in February 2031, in department "Bench roll-up", each with {@link #ROLL_UP_LINES} lines; their ids.
     */
    static UUID[] seedRollUp(Connection db, UUID template) throws SQLException {
        UUID[] ids = new UUID[ROLL_UP_BUDGETS];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = UUID.randomUUID();
        }
        Array idArray = db.createArrayOf("uuid", ids);
        String budgetColumns = columns(db, "event_budget", "event_id", "department", "starts_at");
        String accessColumns = columns(db, "event_access", "event_id");
        try (PreparedStatement budgets = db.prepareStatement("insert into event_budget (event_id, department, "
                + "starts_at, " + budgetColumns + ") select ids.id, 'Bench roll-up', "
                + "timestamptz '2031-02-15 09:00Z', " + budgetColumns
                + " from unnest(?) ids (id) cross join (select * from event_budget where event_id = ?) b");
                PreparedStatement access = db.prepareStatement("insert into event_access (event_id, " + accessColumns
                        + ") select ids.id, " + accessColumns
                        + " from unnest(?) ids (id) cross join (select * from event_access where event_id = ?) a");
                PreparedStatement lines = db.prepareStatement("""
                        insert into line_item (id, event_id, category, description, vendor, kind, currency,
                                               unit_amount, gl_account, actual_amount, created_at, updated_at)
                        select gen_random_uuid(), ids.id, case when n % 3 = 0 then 'VENUE' else 'CATERING' end,
                               'line ' || n, 'vendor ' || n, case when n % 2 = 0 then 'FIXED' else 'PER_ATTENDEE' end,
                               'EUR', case when n % 2 = 0 then 100 + n else 12.345 end, '6400', 0, now(), now()
                        from unnest(?) ids (id) cross join generate_series(1, ?) n""")) {
            for (PreparedStatement insert : List.of(budgets, access)) {
                insert.setArray(1, idArray);
                insert.setObject(2, template);
                insert.executeUpdate();
            }
            lines.setArray(1, idArray);
            lines.setInt(2, ROLL_UP_LINES);
            lines.executeUpdate();
        }
        return ids;
    }

    /** The table's columns but those named, comma-separated. */
    static String columns(Connection db, String table, String... except) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("""
                select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                where table_name = ? and not (column_name = any(?))""")) {
            select.setString(1, table);
            select.setArray(2, db.createArrayOf("text", except));
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    static void sumRollUpLines(Connection db, UUID[] budgets) {
        try (PreparedStatement select = db.prepareStatement("""
                select event_id, category, count(*), sum(unit_amount) from line_item
                where event_id = any(?) and withdrawn_at is null group by event_id, category""")) {
            select.setArray(1, db.createArrayOf("uuid", budgets));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    result.getBigDecimal(4);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void readLedgerPage(Connection db, UUID eventId, int rows) {
        try (PreparedStatement select = db.prepareStatement("""
                select * from ledger_entry where event_id = ? and id > 0 order by id limit ?""")) {
            select.setObject(1, eventId);
            select.setInt(2, rows);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    result.getBigDecimal("budget_amount");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void readLines(Connection db, UUID eventId) {
        try (PreparedStatement select = db.prepareStatement("""
                select id, kind, currency, unit_amount, committed_amount, locked_rate, actual_amount
                from line_item where event_id = ? order by created_at, id""")) {
            select.setObject(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getBigDecimal(4);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyLedger(Connection db) {
        try {
            db.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    copy (select id, entry_id, occurred_at, kind, gl_account, cost_centre, po_number, event_id,
                                 line_id, vendor, budget_amount, budget_currency, amount, currency, rate, description
                          from ledger_entry
                          where occurred_at >= '1999-01-01' and occurred_at < '1999-02-01'
                            and kind in ('COMMITMENT', 'ACTUAL') order by id) to stdout with csv""",
                    OutputStream.nullOutputStream());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Samples a process's resident memory (VmRSS of /proc/PID/status) until interrupted. */
    static final class MemorySampler extends Thread {
        final long pid;
        volatile long maxKb;
        volatile long firstKb;
        volatile int samples;

        MemorySampler(long pid) {
            this.pid = pid;
            setDaemon(true);
        }

        @Override
        public void run() {
            if (pid <= 0) {
                return;
            }
            java.nio.file.Path status = java.nio.file.Path.of("/proc", Long.toString(pid), "status");
            while (!isInterrupted()) {
                try {
                    for (String line : java.nio.file.Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                            if (samples++ == 0) {
                                firstKb = kb;
                            }
                            maxKb = Math.max(maxKb, kb);
                        }
                    }
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }
    }

    static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static double ratio(long[] measured, long[] baseline) {
        return (double) median(measured) / Math.max(1, median(baseline));
    }
}
