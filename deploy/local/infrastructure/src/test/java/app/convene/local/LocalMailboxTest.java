package app.convene.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local mail catcher as the services use it: mail sent over SMTP to two addresses is listed per address with its
 * subject, sender, recipients, date and attachment names, and is still there after the catcher restarts.
 */
class LocalMailboxTest {
    @TempDir
    Path spool;

    @Test
    void keepsEachRecipientsMailAcrossRestarts() throws Exception {
        int smtpPort = freePort();
        try (LocalMailbox catcher = new LocalMailbox(smtpPort, freePort(), spool)) {
            catcher.start();
            send(smtpPort, "You are registered: Board day", "Anna@Example.com", "bram@example.com");
        }

        List<JsonObject> anna = read("anna@example.com");
        assertThat(anna).hasSize(1);
        JsonObject mail = anna.get(0);
        assertThat(mail.getString("subject")).isEqualTo("You are registered: Board day");
        assertThat(strings(mail, "from")).containsExactly("briefings@convene.local");
        assertThat(strings(mail, "to")).containsExactly("Anna@Example.com", "bram@example.com");
        assertThat(mail.getString("date")).startsWith("20");
        assertThat(strings(mail, "attachments")).containsExactly("invitation.ics");
        assertThat(mail.getString("text")).isEqualTo("See you on Monday.");
        assertThat(read("bram@example.com")).hasSize(1);
        assertThat(read("nobody@example.com")).isEmpty();

        int restartedPort = freePort();
        try (LocalMailbox catcher = new LocalMailbox(restartedPort, freePort(), spool)) {
            catcher.start();
            send(restartedPort, "Reminder: Board day", "anna@example.com");
        }
        assertThat(read("anna@example.com")).extracting(m -> m.getString("subject"))
                .containsExactly("You are registered: Board day", "Reminder: Board day");
    }

    @Test
    void imapHoldsOnlyTheNewestMailWhileTheSpoolKeepsAll() throws Exception {
        int smtpPort = freePort();
        int imapPort = freePort();
        try (LocalMailbox catcher = new LocalMailbox(smtpPort, imapPort, spool, 5)) {
            catcher.start();
            for (int i = 1; i <= 12; i++) {
                send(smtpPort, "Reminder " + i, "guest" + (i % 4) + "@example.com");
            }
            assertThat(catcher.heldForImap()).isEqualTo(5);
            // guest0 was sent 4, 8 and 12; the newest five of all are 8 to 12, so it has 8 and 12 over IMAP
            assertThat(imapSubjects(imapPort, "guest0@example.com")).containsExactly("Reminder 8", "Reminder 12");
            // guest1 (1, 5, 9) has only 9 left there
            assertThat(imapSubjects(imapPort, "guest1@example.com")).containsExactly("Reminder 9");
        }
        assertThat(read("guest0@example.com")).extracting(m -> m.getString("subject"))
                .containsExactly("Reminder 4", "Reminder 8", "Reminder 12");
        assertThat(read("guest1@example.com")).hasSize(3);
        assertThat(read("guest2@example.com")).hasSize(3);
        assertThat(read("guest3@example.com")).hasSize(3);
    }

    @Test
    void anAddressCannotReachOutsideTheSpool() {
        assertThat(Mailbox.folderOf(spool, "../../etc/passwd@x").getParent()).isEqualTo(spool);
        assertThat(Mailbox.folderOf(spool, "a/b@example.com").getFileName().toString()).isEqualTo("a_b@example.com");
    }

    private static List<String> imapSubjects(int port, String address) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", Integer.toString(port));
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect(address, "any");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<String> subjects = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                subjects.add(message.getSubject());
            }
            inbox.close(false);
            return subjects;
        } finally {
            store.close();
        }
    }

    private List<JsonObject> read(String address) throws Exception {
        return Mailbox.describeAll(spool, address).stream()
                .map(line -> Json.createReader(new StringReader(line)).readObject()).toList();
    }

    private static List<String> strings(JsonObject mail, String field) {
        return mail.getJsonArray(field).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static void send(int port, String subject, String... to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("briefings@convene.local"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject, "UTF-8");
        message.setSentDate(new java.util.Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("See you on Monday.", "UTF-8");
        MimeBodyPart invitation = new MimeBodyPart();
        invitation.setContent(new String("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8), "text/calendar; method=REQUEST; charset=UTF-8");
        invitation.setFileName("invitation.ics");
        message.setContent(new MimeMultipart(text, invitation));
        Transport.send(message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
