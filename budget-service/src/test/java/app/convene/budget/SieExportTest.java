package app.convene.budget;

import static app.convene.budget.Api.money;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import app.convene.backbone.event.EventAccess;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Finance of a Swedish organisation exports its journal as a SIE 4 file and reads it back with a small SIE parser:
 * the file is in code page 437 (å, ä, ö survive), lists every account and object its vouchers use, every voucher
 * balances to zero, and every field agrees with the CSV export of the same period. Exporting again, or as a job,
 * gives the same bytes.
 */
@QuarkusTest
class SieExportTest {
    static final Charset PC8 = Charset.forName("IBM437");
    /** The period exported: today with a day on either side, so a run across midnight (UTC) still holds its entries. */
    static final String FROM = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    static final String TO = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    static final String FROM_SIE = LocalDate.parse(FROM).format(DateTimeFormatter.BASIC_ISO_DATE);
    static final String TO_SIE = LocalDate.parse(TO).format(DateTimeFormatter.BASIC_ISO_DATE);

    /** An organisation of its own, so that the period holds only what this test records. */
    record Company(String organisation, String organizer, String finance) {
        static Company fresh() {
            String unique = UUID.randomUUID().toString().substring(0, 8);
            return new Company("sverige-" + unique, "olle." + unique + "@example.se", "frida." + unique + "@example.se");
        }

        RequestSpecification asOrganizer() {
            return Api.as("organizer", organizer, organisation);
        }

        RequestSpecification asFinance() {
            return Api.as("finance", finance, organisation);
        }

        /** An event of the company, its budget in {@code currency} with a department and maybe a cost centre. */
        UUID event(String currency, String costCentre) {
            Supplier<RequestSpecification> reader = this::asOrganizer;
            UUID eventId = Api.scheduledEvent(Instant.now().plus(Duration.ofDays(40)),
                    new EventAccess(organisation, organizer, false, List.of(), List.of()), reader);
            Map<String, Object> settings = new HashMap<>(Map.of("currency", currency, "department", "Försäljning"));
            if (costCentre != null) {
                settings.put("costCentre", costCentre);
            }
            asOrganizer().body(settings).put("/api/events/{e}/budget", eventId).then().statusCode(200);
            return eventId;
        }

        /** A line with a purchase order and, when {@code invoiced} is given, an invoice. */
        UUID committedLine(UUID eventId, String description, String vendor, String glAccount, String amount,
                String invoiced) {
            Map<String, Object> line = new HashMap<>(Map.of("category", "CATERING", "description", description,
                    "vendor", vendor, "kind", "FIXED", "unitAmount", money(amount), "glAccount", glAccount));
            String location = asOrganizer().body(line).post("/api/events/{e}/budget/lines", eventId).then()
                    .statusCode(201).extract().header("Location");
            UUID lineId = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
            asOrganizer().body(Map.of("poNumber", "IO-" + lineId.toString().substring(0, 6), "amount", money(amount)))
                    .put("/api/events/{e}/budget/lines/{l}/commitment", eventId, lineId).then().statusCode(200);
            if (invoiced != null) {
                asFinance().body(Map.of("vendor", vendor, "invoiceNumber", "F-" + UUID.randomUUID(), "amount",
                        money(invoiced), "issuedOn", LocalDate.now(ZoneOffset.UTC).toString()))
                        .post("/api/events/{e}/budget/lines/{l}/invoices", eventId, lineId).then().statusCode(201);
            }
            return lineId;
        }

        Response journal(String format) {
            return asFinance().queryParam("from", FROM).queryParam("to", TO).queryParam("format", format)
                    .get("/api/finance/journal");
        }
    }

    @Test
    void theSieFileBalancesKeepsSwedishLettersAndAgreesWithTheCsvOfThePeriod() throws IOException {
        Company company = Company.fresh();
        UUID dinner = company.event("EUR", "KS-Åre");
        company.committedLine(dinner, "Middag på slottet för \"Skärgårdens\" gäster", "Ölands Kök AB", "6420",
                "4800.50", "1999.99");
        company.committedLine(dinner, "Båtresa till Vaxholm", "Strömma", "6430", "1200.00", null);
        UUID kickoff = company.event("EUR", null);
        company.committedLine(kickoff, "Lokal i Göteborg", "Älvsborgs Konferens", "6100", "15000.00", "15000.00");

        Response sie = company.journal("SIE4").then().statusCode(200)
                .header("Content-Type", containsString("application/x-sie"))
                .header("Content-Type", containsString("IBM437"))
                .header("Content-Disposition", containsString("journal-" + FROM + "-" + TO + ".se")).extract()
                .response();
        byte[] bytes = sie.asByteArray();
        // å, ä and ö are the bytes of code page 437, not UTF-8's two bytes each.
        assertThat(bytes).contains((byte) 0x86, (byte) 0x84, (byte) 0x94, (byte) 0x8e);
        assertThat(new String(bytes, PC8)).doesNotContain("\u00c3").contains("Middag på slottet")
                .contains("Ölands Kök AB").contains("KS-Åre").contains("\r\n");
        Sie file = Sie.parse(new String(bytes, PC8));

        // The header records, each once, in the order the format gives them.
        assertThat(file.labels().subList(0, 8)).containsExactly("#FLAGGA", "#PROGRAM", "#FORMAT", "#GEN",
                "#SIETYP", "#FNAMN", "#RAR", "#VALUTA");
        assertThat(file.single("#FLAGGA")).containsExactly("0");
        assertThat(file.single("#FORMAT")).containsExactly("PC8");
        assertThat(file.single("#SIETYP")).containsExactly("4");
        assertThat(file.single("#GEN")).singleElement().satisfies(day -> assertThat(day).isBetween(FROM_SIE, TO_SIE));
        assertThat(file.single("#FNAMN")).containsExactly(company.organisation());
        assertThat(file.single("#RAR")).containsExactly("0", FROM_SIE, TO_SIE);
        assertThat(file.single("#VALUTA")).containsExactly("EUR");
        assertThat(file.all("#DIM")).containsExactly(List.of("1", "Kostnadsställe"), List.of("6", "Projekt"));
        Map<String, String> accounts = new LinkedHashMap<>();
        file.all("#KONTO").forEach(k -> accounts.put(k.get(0), k.get(1)));
        assertThat(accounts).containsEntry("2000", "Leverantörsskulder")
                .containsEntry("2900", "Åtaganden enligt inköpsorder").containsEntry("2910", "Reserv för åtaganden")
                .containsKeys("6420", "6100").doesNotContainKey("6430");
        Set<String> objects = new TreeSet<>();
        file.all("#OBJEKT").forEach(o -> objects.add(o.get(0) + " " + o.get(1)));
        assertThat(objects).containsExactlyInAnyOrder("1 KS-Åre", "6 " + dinner, "6 " + kickoff);

        // Every voucher balances, and uses only accounts and objects the file lists.
        assertThat(file.vouchers()).hasSize(5);
        for (Voucher voucher : file.vouchers()) {
            assertThat(voucher.transactions()).hasSize(2);
            assertThat(voucher.transactions().stream().map(Trans::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("0");
            for (Trans trans : voucher.transactions()) {
                assertThat(accounts).containsKey(trans.account());
                trans.objects().forEach((dim, id) -> assertThat(objects).contains(dim + " " + id));
            }
        }

        // Every field against the CSV of the same period: a voucher per entry, in the same order.
        String csvText = company.journal("CSV").then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = csv(csvText);
        assertThat(rows).hasSize(2 * file.vouchers().size());
        Set<String> numbers = new TreeSet<>();
        for (int i = 0; i < file.vouchers().size(); i++) {
            Voucher voucher = file.vouchers().get(i);
            Map<String, String> debit = rows.get(2 * i);
            Map<String, String> credit = rows.get(2 * i + 1);
            assertThat(debit.get("side")).isEqualTo("DEBIT");
            assertThat(credit.get("side")).isEqualTo("CREDIT");
            assertThat(credit.get("entryId")).isEqualTo(debit.get("entryId"));
            assertThat(voucher.series()).isEqualTo("CV");
            numbers.add(voucher.number());
            String day = LocalDate.ofInstant(Instant.parse(debit.get("postedAt")), ZoneOffset.UTC)
                    .format(DateTimeFormatter.BASIC_ISO_DATE);
            assertThat(voucher.date()).isEqualTo(day);
            assertThat(voucher.text()).isEqualTo(debit.get("description"));
            for (int side = 0; side < 2; side++) {
                Map<String, String> row = side == 0 ? debit : credit;
                Trans trans = voucher.transactions().get(side);
                assertThat(trans.account()).isEqualTo(row.get("glAccount"));
                BigDecimal amount = new BigDecimal(row.get("amount"));
                assertThat(trans.amount()).isEqualByComparingTo(side == 0 ? amount : amount.negate());
                assertThat(row.get("currency")).isEqualTo("EUR");
                assertThat(trans.date()).isEqualTo(day);
                assertThat(trans.text()).isEqualTo(row.get("vendor"));
                assertThat(trans.objects().get("6")).isEqualTo(row.get("eventId"));
                assertThat(trans.objects().get("1")).isEqualTo(row.get("costCentre").isEmpty() ? null
                        : row.get("costCentre"));
            }
        }
        assertThat(numbers).as("voucher numbers are unique").hasSize(file.vouchers().size());
        assertThat(file.vouchers()).anySatisfy(v -> assertThat(v.text())
                .isEqualTo("purchase order " + v.text().substring(15, 24) + ": Middag på slottet för "
                        + "\"Skärgårdens\" gäster"));

        // Exported again, and as a job: the same bytes.
        assertThat(company.journal("SIE4").then().statusCode(200).extract().asByteArray()).isEqualTo(bytes);
        String location = company.asFinance().body(Map.of("from", FROM, "to", TO, "format", "SIE4"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/finance/exports").then()
                .statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> company.asFinance().get(location).then()
                .statusCode(200).body("status", equalTo("DONE")));
        assertThat(company.asFinance().get(location + "/file").then().statusCode(200)
                .header("Content-Type", containsString("IBM437"))
                .header("Journal-Up-To", sie.header("Journal-Up-To")).extract().asByteArray()).isEqualTo(bytes);
    }

    @Test
    void aCompanyInKronorGetsItsFileInKronorAndAPeriodOfTwoCurrenciesIsNoSieFile() {
        Company company = Company.fresh();
        UUID eventId = company.event("SEK", "KS-1");
        company.committedLine(eventId, "Fika", "Café", "6420", "950.00", null);
        byte[] kronor = company.journal("SIE4").then().statusCode(200).extract().asByteArray();
        assertThat(new String(kronor, java.nio.charset.Charset.forName("IBM437"))).contains("#VALUTA SEK");

        UUID euros = company.event("EUR", "KS-2");
        company.committedLine(euros, "Hotel", "Hotel", "6310", "400.00", null);
        company.journal("SIE4").then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("sie-currency-mixed")).body("detail", containsString("SEK"))
                .body("detail", containsString("EUR"));
        // The CSV carries the currency of every line.
        company.journal("CSV").then().statusCode(200).body(containsString("\"SEK\""));
        // As a job it fails with the reason, and is not tried again.
        String location = company.asFinance().body(Map.of("from", FROM, "to", TO, "format", "SIE4"))
                .post("/api/finance/exports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> company.asFinance().get(location).then()
                .statusCode(200).body("status", equalTo("FAILED")).body("failure", containsString("SEK")));
        company.asFinance().get(location + "/file").then().statusCode(409)
                .body("type", containsString("export-failed"));
    }

    @Test
    void anUnknownFormatOrSinceIsABadRequestNamingTheField() {
        Company company = Company.fresh();
        company.journal("XLSX").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("format"));
        company.asFinance().queryParam("from", FROM).queryParam("to", TO).queryParam("since", "yesterday")
                .get("/api/finance/journal").then().statusCode(400).body("detail", containsString("since"));
        company.asFinance().body(Map.of("from", FROM, "to", TO, "format", "SIE5"))
                .post("/api/finance/exports").then().statusCode(400).body(containsString("format"));
    }

    /** The rows of a journal CSV by column name; a journal without lines is an empty file. */
    static List<Map<String, String>> csv(String text) throws IOException {
        if (text.isEmpty()) {
            return List.of();
        }
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            return rows.readAll();
        }
    }

    record Trans(String account, Map<String, String> objects, BigDecimal amount, String date, String text) {
    }

    record Voucher(String series, String number, String date, String text, List<Trans> transactions) {
    }

    /** A SIE file read back: its records (label and fields) outside the vouchers, and the vouchers. */
    record Sie(List<List<String>> records, List<Voucher> vouchers) {
        List<String> labels() {
            return records.stream().map(r -> r.get(0)).toList();
        }

        List<List<String>> all(String label) {
            return records.stream().filter(r -> r.get(0).equals(label)).map(r -> r.subList(1, r.size())).toList();
        }

        List<String> single(String label) {
            assertThat(all(label)).as(label).hasSize(1);
            return all(label).get(0);
        }

        /** The SIE rules: fields apart by spaces, "quoted" with \" inside, {object lists}, vouchers in { }. */
        static Sie parse(String text) {
            assertThat(text).endsWith("\r\n");
            List<List<String>> records = new ArrayList<>();
            List<Voucher> vouchers = new ArrayList<>();
            List<String> ver = null;
            List<Trans> transactions = null;
            for (String line : text.split("\r\n")) {
                List<String> fields = fields(line.strip());
                switch (fields.get(0)) {
                    case "#VER" -> ver = fields;
                    case "{" -> transactions = new ArrayList<>();
                    case "#TRANS" -> transactions.add(new Trans(fields.get(1), objects(fields.get(2)),
                            new BigDecimal(fields.get(3)), fields.get(4), fields.get(5)));
                    case "}" -> {
                        vouchers.add(new Voucher(ver.get(1), ver.get(2), ver.get(3), ver.get(4), transactions));
                        ver = null;
                        transactions = null;
                    }
                    default -> records.add(fields);
                }
            }
            return new Sie(records, vouchers);
        }

        static List<String> fields(String line) {
            List<String> fields = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (c == ' ') {
                    i++;
                } else if (c == '"') {
                    StringBuilder field = new StringBuilder();
                    i++;
                    while (line.charAt(i) != '"') {
                        if (line.charAt(i) == '\\') {
                            i++;
                        }
                        field.append(line.charAt(i++));
                    }
                    i++;
                    fields.add(field.toString());
                } else if (c == '{' && line.length() > 1) {
                    int end = line.indexOf('}', i);
                    fields.add(line.substring(i, end + 1));
                    i = end + 1;
                } else {
                    int end = line.indexOf(' ', i);
                    end = end < 0 ? line.length() : end;
                    fields.add(line.substring(i, end));
                    i = end;
                }
            }
            return fields;
        }

        static Map<String, String> objects(String list) {
            List<String> fields = fields(list.substring(1, list.length() - 1));
            Map<String, String> objects = new HashMap<>();
            for (int i = 0; i < fields.size(); i += 2) {
                objects.put(fields.get(i), fields.get(i + 1));
            }
            return objects;
        }
    }
}
