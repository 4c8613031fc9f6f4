package app.convene.budget;

import static app.convene.budget.Api.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.convene.backbone.event.EventAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Finance places its departments in a tree (Stockholm under Nordics under Sales) and reads the roll-up of a period:
 * each department's own budgets and its total with everything below it, committed beside estimate, forecast and
 * actual, all in one currency, and the company total; the same as CSV for a spreadsheet. A cycle is refused, also
 * when two placements race to make one.
 */
@QuarkusTest
class RollUpTreeTest {
    static final String PERIOD = "2032-03";

    record Company(String organisation, String organizer, String finance) {
        static Company fresh() {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return new Company("tree-" + unique, "otto." + unique + "@example.com", "fay." + unique + "@example.com");
        }

        RequestSpecification asOrganizer() {
            return Api.as("organizer", organizer, organisation);
        }

        RequestSpecification asFinance() {
            return Api.as("finance", finance, organisation);
        }

        /** An event of March 2032 of the department, with one line, maybe committed and invoiced. */
        void budget(String department, String currency, String estimate, String committed, String invoiced) {
            UUID eventId = Api.scheduledEvent(Instant.parse("2032-03-15T09:00:00Z"),
                    new EventAccess(organisation, organizer, false, List.of(), List.of()), this::asOrganizer);
            asOrganizer().body(Map.of("currency", currency, "department", department))
                    .put("/api/events/{e}/budget", eventId).then().statusCode(200);
            Map<String, Object> line = new HashMap<>(Map.of("category", "VENUE", "description", "Room",
                    "vendor", "Hall", "kind", "FIXED", "unitAmount", money(estimate), "glAccount", "6100"));
            String location = asOrganizer().body(line).post("/api/events/{e}/budget/lines", eventId).then()
                    .statusCode(201).extract().header("Location");
            UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            if (committed != null) {
                asOrganizer().body(Map.of("poNumber", "PO-" + department, "amount", money(committed)))
                        .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
            }
            if (invoiced != null) {
                asFinance().body(Map.of("vendor", "Hall", "invoiceNumber", "I-" + UUID.randomUUID(), "amount",
                        money(invoiced), "issuedOn", "2032-03-01"))
                        .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(201);
            }
        }

        int place(String department, String parent) {
            Map<String, Object> body = new HashMap<>();
            body.put("parent", parent);
            return asFinance().body(body).put("/api/departments/{d}", department).then().extract().statusCode();
        }
    }

    static String figures(Map<String, Object> f) {
        return f.get("budgets") + " budgets, estimate " + f.get("estimate") + ", committed " + f.get("committed")
                + ", forecast " + f.get("forecast") + ", actual " + f.get("actual");
    }

    @Test
    void departmentsAddUpIntoTheirParentsAndTheCompanyTotalAlsoAsCsv() throws IOException {
        Company company = Company.fresh();
        String nordics = company.asFinance().body(Map.of("parent", "Sales")).put("/api/departments/{d}", "Nordics")
                .then().statusCode(201).body("department", equalTo("Nordics")).body("parent", equalTo("Sales"))
                .body("setBy", equalTo(company.finance())).extract().header("Location");
        assertThat(company.place("Stockholm", "Nordics")).isEqualTo(201);
        // The Location is the placement; the parent added on the way is placed too, at the top.
        company.asFinance().get(nordics).then().statusCode(200).body("department", equalTo("Nordics"))
                .body("parent", equalTo("Sales"));
        company.asFinance().get("/api/departments/{d}", "Sales").then().statusCode(200)
                .body("parent", equalTo(null));
        company.asFinance().get("/api/departments/{d}", "Nowhere").then().statusCode(404);
        company.asFinance().body(Map.of("rate", money("0.1"))).put("/api/exchange-rates/{b}/{q}", "SEK", "EUR")
                .then().statusCode(200);
        company.asFinance().body(Map.of("amount", money("3000.00"), "currency", "EUR"))
                .put("/api/departments/{d}/allowances/{p}", "Sales", PERIOD).then().statusCode(201);
        company.budget("Stockholm", "EUR", "1000.00", "800.00", null);
        company.budget("Nordics", "SEK", "20000.00", null, null);
        company.budget("Sales", "EUR", "500.00", "600.00", "600.00");
        company.budget("Marketing", "EUR", "300.00", null, null);

        JsonPath tree = company.asFinance().accept("application/json").queryParam("period", PERIOD)
                .queryParam("currency", "EUR").get("/api/roll-up/tree").then().statusCode(200)
                .body("period", equalTo(PERIOD)).body("currency", equalTo("EUR")).extract().jsonPath();
        assertThat(figures(tree.getMap("company")))
                .isEqualTo("4 budgets, estimate 3800.00, committed 1400.00, forecast 3900.00, actual 600.00");
        assertThat(tree.getList("departments.department")).containsExactly("Marketing", "Sales");
        Map<String, Object> sales = tree.getMap("departments[1]");
        assertThat(figures(tree.getMap("departments[1].own")))
                .isEqualTo("1 budgets, estimate 500.00, committed 600.00, forecast 600.00, actual 600.00");
        assertThat(figures(tree.getMap("departments[1].total")))
                .isEqualTo("3 budgets, estimate 3500.00, committed 1400.00, forecast 3600.00, actual 600.00");
        assertThat(sales.get("allowance").toString()).isEqualTo("3000.00");
        assertThat(sales.get("remaining").toString()).isEqualTo("-600.00");
        assertThat(sales.get("overUnder")).isEqualTo("OVER");
        assertThat(tree.getString("departments[1].children[0].department")).isEqualTo("Nordics");
        assertThat(tree.getString("departments[1].children[0].parent")).isEqualTo("Sales");
        assertThat(figures(tree.getMap("departments[1].children[0].own")))
                .isEqualTo("1 budgets, estimate 2000.00, committed 0.00, forecast 2000.00, actual 0.00");
        assertThat(figures(tree.getMap("departments[1].children[0].total")))
                .isEqualTo("2 budgets, estimate 3000.00, committed 800.00, forecast 3000.00, actual 0.00");
        assertThat(figures(tree.getMap("departments[1].children[0].children[0].total")))
                .isEqualTo("1 budgets, estimate 1000.00, committed 800.00, forecast 1000.00, actual 0.00");
        assertThat(tree.getList("departments[1].children[0].children[0].children")).isEmpty();
        assertThat(tree.getString("departments[0].parent")).isNull();
        assertThat(tree.getString("departments[0].allowance")).isNull();

        String csv = company.asFinance().accept("text/csv").queryParam("period", PERIOD)
                .get("/api/roll-up/tree").then().statusCode(200).header("Content-Type", containsString("text/csv"))
                .extract().asString();
        List<Map<String, String>> rows = SieExportTest.csv(csv);
        assertThat(rows).extracting(r -> r.get("row") + " " + r.get("level") + " " + r.get("path") + " | "
                + r.get("budgets") + " " + r.get("estimate") + " " + r.get("committed") + " " + r.get("forecast")
                + " " + r.get("actual") + " | own " + r.get("ownForecast") + " | " + r.get("allowance") + " "
                + r.get("overUnder")).containsExactly(
                        "COMPANY 0  | 4 3800.00 1400.00 3900.00 600.00 | own  |  ",
                        "DEPARTMENT 1 Marketing | 1 300.00 0.00 300.00 0.00 | own 300.00 |  ",
                        "DEPARTMENT 1 Sales | 3 3500.00 1400.00 3600.00 600.00 | own 600.00 | 3000.00 OVER",
                        "DEPARTMENT 2 Sales / Nordics | 2 3000.00 800.00 3000.00 0.00 | own 2000.00 |  ",
                        "DEPARTMENT 3 Sales / Nordics / Stockholm | 1 1000.00 800.00 1000.00 0.00 | own 1000.00 |  ");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("period")).isEqualTo(PERIOD);
            assertThat(r.get("currency")).isEqualTo("EUR");
        });

        // Without a rate into the roll-up's currency the answer names the pair.
        company.asFinance().accept("application/json").queryParam("period", PERIOD).queryParam("currency", "CHF")
                .get("/api/roll-up/tree").then().statusCode(409).body("type", containsString("exchange-rate-missing"));
        company.asFinance().accept("application/json").queryParam("period", "2032-13")
                .get("/api/roll-up/tree").then().statusCode(400).body("detail", containsString("period"));
    }

    @Test
    void aDepartmentIsNeverPlacedUnderItselfOrBelowItself() {
        Company company = Company.fresh();
        assertThat(company.place("Nordics", "Sales")).isEqualTo(201);
        assertThat(company.place("Stockholm", "Nordics")).isEqualTo(201);
        company.asFinance().body(Map.of("parent", "Stockholm")).put("/api/departments/{d}", "Sales").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("department-cycle"))
                .body("detail", containsString("Stockholm → Nordics → Sales"));
        company.asFinance().body(Map.of("parent", "Sales")).put("/api/departments/{d}", "Sales").then()
                .statusCode(409).body("type", containsString("department-cycle"));
        company.asFinance().body(Map.of("parent", " ")).put("/api/departments/{d}", "Sales").then().statusCode(400)
                .body(containsString("parent"));
        company.asFinance().body(Map.of("parent", "x".repeat(101))).put("/api/departments/{d}", "Sales").then()
                .statusCode(400).body(containsString("parent"));
        // Nothing changed: Sales is still at the top; moving it to the top again is a plain 200.
        assertThat(company.place("Sales", null)).isEqualTo(200);
        JsonPath tree = company.asFinance().accept("application/json").queryParam("period", PERIOD)
                .get("/api/roll-up/tree").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getList("departments.department")).containsExactly("Sales");
        assertThat(tree.getString("departments[0].children[0].children[0].department")).isEqualTo("Stockholm");
        // Only finance shapes the tree.
        company.asOrganizer().body(Map.of("parent", "Sales")).put("/api/departments/{d}", "Press").then()
                .statusCode(403);
    }

    @Test
    void twoPlacementsRacingToMakeACycleCannotBothSucceed() throws Exception {
        Company company = Company.fresh();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String a = "Alpha-" + round;
                String b = "Beta-" + round;
                List<Callable<Integer>> both = List.of(() -> company.place(a, b), () -> company.place(b, a));
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> status : pool.invokeAll(both)) {
                    statuses.add(status.get());
                }
                assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(201, 409);
            }
        } finally {
            pool.shutdown();
        }
        // The tree holds no cycle: every department is reachable from the top.
        JsonPath tree = company.asFinance().accept("application/json").queryParam("period", PERIOD)
                .get("/api/roll-up/tree").then().statusCode(200).extract().jsonPath();
        assertThat(tree.getList("departments")).hasSize(6);
        assertThat(tree.getList("departments.children.department").stream()
                .mapToInt(c -> ((List<?>) c).size()).sum()).isEqualTo(6);
        BigDecimal zero = new BigDecimal("0.00");
        assertThat(tree.getString("company.forecast")).isEqualTo(zero.toString());
    }
}
