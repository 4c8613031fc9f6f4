package app.convene.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Prints what the local mail catcher ({@link LocalMailbox}) received for an address, oldest first, one JSON object per
 * line: {@code subject}, {@code from}, {@code to}, {@code cc}, {@code date}, {@code attachments} (file
 * names), {@code text} (the plain-text body) and {@code file} (the kept {@code .eml}).
 *
 * <p>Usage: {@code Mailbox EMAIL} or {@code Mailbox --addresses} (every address that received mail, with counts).
 */
public final class Mailbox {
    private Mailbox() {
    }

    public static void main(String[] args) throws Exception {
        Path spool = Settings.path("convene.mail.spool", "CONVENE_MAIL_SPOOL", ".data/local/mail");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (args.length == 1 && args[0].equals("--addresses")) {
            printAddresses(spool, out);
        } else if (args.length == 1 && args[0].contains("@") && !args[0].startsWith("-")) {
            print(spool, args[0], out);
        } else {
            System.err.println("usage: Mailbox EMAIL | --addresses");
            System.exit(2);
        }
    }

    /** The folder that keeps an address's mail: the address in lower case, with nothing that could leave the spool. */
    static Path folderOf(Path spool, String address) {
        String name = address.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._+-]", "_");
        if (name.startsWith(".")) {
            name = "_" + name.substring(1);
        }
        return spool.resolve(name);
    }

    static void print(Path spool, String address, PrintStream out) throws IOException, MessagingException {
        for (Path file : messagesOf(spool, address)) {
            out.println(describe(file));
        }
    }

    static List<Path> messagesOf(Path spool, String address) throws IOException {
        Path folder = folderOf(spool, address);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static void printAddresses(Path spool, PrintStream out) throws IOException {
        if (!Files.isDirectory(spool)) {
            return;
        }
        try (Stream<Path> folders = Files.list(spool)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                String address = folder.getFileName().toString();
                out.println(Json.createObjectBuilder().add("address", address)
                        .add("messages", messagesOf(spool, address).size()).build());
            }
        }
    }

    static String describe(Path file) throws IOException, MessagingException {
        MimeMessage message;
        try (InputStream in = Files.newInputStream(file)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        JsonArrayBuilder attachments = Json.createArrayBuilder();
        StringBuilder text = new StringBuilder();
        walk(message, attachments, text);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("subject", nullToEmpty(message.getSubject()))
                .add("from", addresses(message.getFrom()))
                .add("to", addresses(message.getRecipients(Message.RecipientType.TO)))
                .add("cc", addresses(message.getRecipients(Message.RecipientType.CC)))
                .add("date", message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString())
                .add("attachments", attachments)
                .add("text", text.toString().replace("\r\n", "\n").strip())
                .add("file", file.toString());
        return json.build().toString();
    }

    private static void walk(Part part, JsonArrayBuilder attachments, StringBuilder text)
            throws IOException, MessagingException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                walk(child, attachments, text);
            }
            return;
        }
        String fileName = part.getFileName();
        if (fileName != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(fileName == null ? "" : MimeUtility.decodeText(fileName));
        } else if (part.isMimeType("text/plain") && text.isEmpty()) {
            text.append(part.getContent());
        }
    }

    private static JsonArrayBuilder addresses(Address[] addresses) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (addresses != null) {
            for (Address address : addresses) {
                list.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
            }
        }
        return list;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** For tests: the descriptions of an address's messages. */
    static List<String> describeAll(Path spool, String address) throws IOException, MessagingException {
        List<String> lines = new ArrayList<>();
        for (Path file : messagesOf(spool, address)) {
            lines.add(describe(file));
        }
        return lines;
    }
}
