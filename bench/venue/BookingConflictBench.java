import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Booking conflict check latency with 10,000 confirmed bookings of one venue, on the real schema (the service's Flyway
 * migrations) in an embedded PostgreSQL 18. Every figure is printed next to a baseline measured in the same run on
 * the same connection: a trivial round trip (select 1) and a primary-key lookup.
 */
public class BookingConflictBench {
    static final int ROOMS = 20;
    static final int BOOKINGS_PER_ROOM = 500; // 20 x 500 = 10,000 bookings of one venue
    static final int WARMUP = 500;
    static final int ITERATIONS = 3000;
    static final Instant EPOCH = Instant.parse("2027-01-01T08:00:00Z");
    static final Duration SLOT = Duration.ofHours(4); // 30 min setup + 3 h event + 30 min teardown

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Connection db = postgres.getPostgresDatabase().getConnection()) {
            migrate(db, root);
            UUID[] rooms = seed(db);
            try (Statement s = db.createStatement();
                    ResultSet r = s.executeQuery("select version(), count(*) from booking, (select 1) x group by 1")) {
                r.next();
                System.out.printf("%s%nbookings: %d in %d rooms of one venue%n%n", r.getString(1), r.getLong(2),
                        ROOMS);
            }
            Random random = new Random(42);
            List<Result> results = new ArrayList<>();

            try (PreparedStatement one = db.prepareStatement("select 1")) {
                results.add(measure("baseline: select 1 (round trip)", () -> {
                    try (ResultSet r = one.executeQuery()) {
                        r.next();
                    }
                }));
            }
            UUID[] bookingIds = ids(db);
            try (PreparedStatement byId = db.prepareStatement("select id from booking where id = ?")) {
                results.add(measure("baseline: booking by primary key", () -> {
                    byId.setObject(1, bookingIds[random.nextInt(bookingIds.length)]);
                    try (ResultSet r = byId.executeQuery()) {
                        r.next();
                    }
                }));
            }
            // The service's query (Booking.overlapping): the exclusion constraint's own expression and predicate,
            // so it is answered from the constraint's GiST index (room_id =, tstzrange && , status = 'CONFIRMED').
            String check = """
                    select id, setup_starts_at, teardown_ends_at, event_id from booking
                    where room_id = ? and status = 'CONFIRMED'
                      and tstzrange(setup_starts_at, teardown_ends_at, '[)')
                          && tstzrange(cast(? as timestamptz), cast(? as timestamptz), '[)')
                    order by setup_starts_at limit 1""";
            try (PreparedStatement overlap = db.prepareStatement(check)) {
                results.add(measure("conflict check (service query), slot taken", () -> {
                    Instant from = slot(random.nextInt(BOOKINGS_PER_ROOM)).plus(Duration.ofHours(1));
                    bind(overlap, rooms[random.nextInt(ROOMS)], from, from.plus(Duration.ofHours(2)));
                    try (ResultSet r = overlap.executeQuery()) {
                        if (!r.next()) {
                            throw new IllegalStateException("expected a conflict");
                        }
                    }
                }));
                results.add(measure("conflict check (service query), slot free", () -> {
                    Instant from = slot(BOOKINGS_PER_ROOM + random.nextInt(1000));
                    bind(overlap, rooms[random.nextInt(ROOMS)], from, from.plus(Duration.ofHours(2)));
                    try (ResultSet r = overlap.executeQuery()) {
                        if (r.next()) {
                            throw new IllegalStateException("expected no conflict");
                        }
                    }
                }));
                explain(db, check, rooms[0]);
            }
            String insert = """
                    insert into booking (id, room_id, event_id, starts_at, ends_at, setup_starts_at, teardown_ends_at,
                                         status, booked_by, booked_at, organisation)
                    values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', 'bench', now(), 'acme')""";
            try (PreparedStatement write = db.prepareStatement(insert)) {
                results.add(measure("insert refused by exclusion constraint (23P01)", () -> {
                    Instant from = slot(random.nextInt(BOOKINGS_PER_ROOM)).plus(Duration.ofHours(1));
                    bindInsert(write, rooms[random.nextInt(ROOMS)], from);
                    try {
                        write.executeUpdate();
                        throw new IllegalStateException("the exclusion constraint let an overlap through");
                    } catch (SQLException e) {
                        if (!"23P01".equals(e.getSQLState())) {
                            throw e;
                        }
                    }
                }));
                db.setAutoCommit(false);
                results.add(measure("insert accepted (constraint checked), rolled back", () -> {
                    // a slot after every seeded one: setup, event and teardown fit inside it
                    Instant from = slot(BOOKINGS_PER_ROOM + random.nextInt(1000)).plus(Duration.ofHours(1));
                    bindInsert(write, rooms[random.nextInt(ROOMS)], from);
                    write.executeUpdate();
                    db.rollback();
                }));
                db.setAutoCommit(true);
            }

            double base = results.get(0).p50();
            System.out.printf("%n%-52s %9s %9s %9s %9s %12s%n", "operation (" + ITERATIONS + " runs each)",
                    "p50 µs", "p95 µs", "p99 µs", "mean µs", "p50 / base");
            for (Result r : results) {
                System.out.printf("%-52s %9.1f %9.1f %9.1f %9.1f %11.2fx%n", r.name(), r.p50(), r.p95(), r.p99(),
                        r.mean(), r.p50() / base);
            }
        }
    }

    interface Step {
        void run() throws Exception;
    }

    record Result(String name, double p50, double p95, double p99, double mean) {
    }

    static Result measure(String name, Step step) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            step.run();
        }
        long[] nanos = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long t0 = System.nanoTime();
            step.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return new Result(name, nanos[ITERATIONS / 2] / 1e3, nanos[ITERATIONS * 95 / 100] / 1e3,
                nanos[ITERATIONS * 99 / 100] / 1e3, Arrays.stream(nanos).average().orElse(0) / 1e3);
    }

    static Instant slot(int n) {
        return EPOCH.plus(SLOT.multipliedBy(n));
    }

    static void bind(PreparedStatement s, UUID room, Instant from, Instant until) throws SQLException {
        s.setObject(1, room);
        s.setTimestamp(2, Timestamp.from(from));
        s.setTimestamp(3, Timestamp.from(until));
    }

    static void bindInsert(PreparedStatement s, UUID room, Instant startsAt) throws SQLException {
        Instant endsAt = startsAt.plus(Duration.ofHours(2));
        s.setObject(1, UUID.randomUUID());
        s.setObject(2, room);
        s.setObject(3, UUID.randomUUID());
        s.setTimestamp(4, Timestamp.from(startsAt));
        s.setTimestamp(5, Timestamp.from(endsAt));
        s.setTimestamp(6, Timestamp.from(startsAt.minus(Duration.ofMinutes(30))));
        s.setTimestamp(7, Timestamp.from(endsAt.plus(Duration.ofMinutes(30))));
    }

    static void migrate(Connection db, Path root) throws Exception {
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> backbone = Files.list(root.resolve("backbone/src/main/resources/db/backbone"));
                Stream<Path> venue = Files.list(root.resolve("venue-service/src/main/resources/db/migration"))) {
            backbone.sorted().forEach(scripts::add);
            venue.sorted((a, b) -> Integer.compare(version(a), version(b))).forEach(scripts::add);
        }
        try (Statement s = db.createStatement()) {
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        }
        System.out.println("schema: " + scripts.stream().map(p -> p.getFileName().toString()).toList());
    }

    static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    static UUID[] seed(Connection db) throws SQLException {
        UUID venue = UUID.randomUUID();
        UUID[] rooms = new UUID[ROOMS];
        try (PreparedStatement v = db.prepareStatement("insert into venue (id, name, street, city, country, created_at, "
                + "organisation) values (?, 'Bench venue', 'Street 1', 'Amsterdam', 'NL', now(), 'acme')")) {
            v.setObject(1, venue);
            v.executeUpdate();
        }
        try (PreparedStatement r = db.prepareStatement("insert into room (id, venue_id, name, seated_capacity, "
                + "standing_capacity, safe_occupancy, organisation) values (?, ?, ?, 100, 120, 110, 'acme')")) {
            for (int i = 0; i < ROOMS; i++) {
                rooms[i] = UUID.randomUUID();
                r.setObject(1, rooms[i]);
                r.setObject(2, venue);
                r.setString(3, "Room " + i);
                r.executeUpdate();
            }
        }
        db.setAutoCommit(false);
        try (PreparedStatement b = db.prepareStatement("""
                insert into booking (id, room_id, event_id, starts_at, ends_at, setup_starts_at, teardown_ends_at,
                                     status, booked_by, booked_at, organisation)
                values (?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', 'seed', now(), 'acme')""")) {
            for (int room = 0; room < ROOMS; room++) {
                for (int n = 0; n < BOOKINGS_PER_ROOM; n++) {
                    Instant setup = slot(n);
                    b.setObject(1, UUID.randomUUID());
                    b.setObject(2, rooms[room]);
                    b.setObject(3, UUID.randomUUID());
                    b.setTimestamp(4, Timestamp.from(setup.plus(Duration.ofMinutes(30))));
                    b.setTimestamp(5, Timestamp.from(setup.plus(Duration.ofMinutes(210))));
                    b.setTimestamp(6, Timestamp.from(setup));
                    b.setTimestamp(7, Timestamp.from(setup.plus(SLOT)));
                    b.addBatch();
                }
                b.executeBatch();
            }
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.execute("analyze booking");
        }
        return rooms;
    }

    static UUID[] ids(Connection db) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("select id from booking")) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids.toArray(UUID[]::new);
    }

    /**
     * The plan with the values known (custom plan), then the one PostgreSQL reuses for any values once a prepared
     * statement has run a few times (generic plan): both must use the index.
     */
    static void explain(Connection db, String sql, UUID room) throws SQLException {
        String numbered = sql;
        for (int i = 1; numbered.contains("?"); i++) {
            numbered = numbered.replaceFirst("\\?", "\\$" + i);
        }
        Instant from = slot(7).plus(Duration.ofHours(1));
        String values = "'" + room + "', '" + from + "', '" + from.plus(Duration.ofHours(2)) + "'";
        try (Statement s = db.createStatement()) {
            s.execute("prepare conflict_check (uuid, timestamptz, timestamptz) as " + numbered);
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                s.execute("set plan_cache_mode = " + mode);
                System.out.println("plan of the conflict check (" + mode + "):");
                try (ResultSet r = s.executeQuery("explain (analyze, costs off, timing off, summary off) "
                        + "execute conflict_check (" + values + ")")) {
                    while (r.next()) {
                        System.out.println("  " + r.getString(1));
                    }
                }
            }
            s.execute("deallocate conflict_check");
        }
        try (Statement reset = db.createStatement()) {
            reset.execute("reset plan_cache_mode");
        }
    }
}
