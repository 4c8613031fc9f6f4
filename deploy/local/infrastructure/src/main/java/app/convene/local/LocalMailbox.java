package app.convene.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.Flags;
import jakarta.mail.MessagingException;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The local stack's mail catcher: an SMTP server (GreenMail) on loopback that accepts every message for every address
 * and keeps each delivered copy as an {@code .eml} file in a folder per recipient, so the mailbox survives restarts
 * and {@link Mailbox} can read it while the catcher is down. It also serves IMAP (login: the address, any password)
 * for a mail client: there, each address has its newest messages, up to the newest {@code imap-keep} of all addresses
 * together (older ones stay in the spool only), so the catcher's memory stays bounded however much mail the stack
 * sends.
 *
 * <p>Settings: {@code convene.mail.smtp-port} / {@code CONVENE_SMTP_PORT} (2525), {@code convene.mail.imap-port} /
 * {@code CONVENE_IMAP_PORT} (3143), {@code convene.mail.spool} / {@code CONVENE_MAIL_SPOOL} (.data/local/mail),
 * {@code convene.mail.imap-keep} / {@code CONVENE_MAIL_IMAP_KEEP} (2000).
 * Prints {@link #READY_MARKER} once it accepts connections.
 */
public final class LocalMailbox implements AutoCloseable {
    static final String READY_MARKER = "CONVENE-MAILBOX-READY";
    private static final String HOST = "127.0.0.1";

    static final int DEFAULT_IMAP_KEEP = 2000;

    private final GreenMail greenMail;
    private final Path spool;
    private final int imapKeep;
    private final AtomicLong sequence = new AtomicLong();

    LocalMailbox(int smtpPort, int imapPort, Path spool) throws IOException {
        this(smtpPort, imapPort, spool, DEFAULT_IMAP_KEEP);
    }

    LocalMailbox(int smtpPort, int imapPort, Path spool, int imapKeep) throws IOException {
        this.spool = Files.createDirectories(spool);
        this.imapKeep = Math.max(1, imapKeep);
        this.greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtpPort, HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, HOST, ServerSetup.PROTOCOL_IMAP)})
                // IMAP: the address as the user, any password
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public static void main(String[] args) throws Exception {
        int smtpPort = Settings.number("convene.mail.smtp-port", "CONVENE_SMTP_PORT", 2525);
        int imapPort = Settings.number("convene.mail.imap-port", "CONVENE_IMAP_PORT", 3143);
        Path spool = Settings.path("convene.mail.spool", "CONVENE_MAIL_SPOOL", ".data/local/mail");
        int imapKeep = Settings.number("convene.mail.imap-keep", "CONVENE_MAIL_IMAP_KEEP", DEFAULT_IMAP_KEEP);
        LocalMailbox mailbox = new LocalMailbox(smtpPort, imapPort, spool, imapKeep);
        mailbox.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mailbox.close();
            stopped.countDown();
        }, "mailbox-shutdown"));
        System.out.println(READY_MARKER + " smtp " + HOST + ":" + smtpPort + ", imap " + HOST + ":" + imapPort
                + ", spool " + spool);
        stopped.await();
    }

    void start() {
        greenMail.start();
        MessageDeliveryHandler inboxes = greenMail.getUserManager().getMessageDeliveryHandler();
        greenMail.getUserManager().setMessageDeliveryHandler(new Spooling(inboxes));
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /**
     * Keeps a copy of each delivery in the recipient's folder, then hands it to GreenMail's own inboxes, which hold
     * every message in memory: beyond the newest {@link #imapKeep} of all, the oldest is taken out of its inbox (and an
     * address left with none is forgotten). Unbounded, a day of benchmarks filled the catcher's heap, and its SMTP
     * sessions then hung until each sender's timeout.
     */
    private final class Spooling implements MessageDeliveryHandler {
        private final MessageDeliveryHandler inboxes;
        /** Whose message each one held in memory is, oldest first. */
        private final Deque<GreenMailUser> held = new ArrayDeque<>();

        Spooling(MessageDeliveryHandler inboxes) {
            this.inboxes = inboxes;
        }

        @Override
        public GreenMailUser handle(MovingMessage message, MailAddress recipient)
                throws MessagingException, UserException {
            try {
                keep(message, recipient.getEmail());
            } catch (IOException e) {
                throw new MessagingException("could not keep the message for " + recipient.getEmail(), e);
            }
            synchronized (held) {
                GreenMailUser user = inboxes.handle(message, recipient);
                held.addLast(user);
                while (held.size() > imapKeep) {
                    forgetOldest(held.removeFirst());
                }
                return user;
            }
        }

        private void forgetOldest(GreenMailUser user) {
            try {
                MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
                long[] uids = inbox.getMessageUids();
                if (uids.length > 0) {
                    inbox.setFlags(new Flags(Flags.Flag.DELETED), true, uids[0], null, false);
                    inbox.expunge();
                }
                if (inbox.getMessageCount() == 0 && !held.contains(user)) {
                    greenMail.getUserManager().deleteUser(user);
                }
            } catch (FolderException e) {
                // Gone already (an IMAP client deleted it): nothing left to take out.
            }
        }
    }

    /** How many messages the IMAP side holds now, over all addresses. */
    int heldForImap() {
        return greenMail.getManagers().getUserManager().listUser().stream().mapToInt(user -> {
            try {
                return greenMail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
            } catch (FolderException e) {
                return 0;
            }
        }).sum();
    }

    private void keep(MovingMessage message, String address) throws IOException, MessagingException {
        Path folder = Files.createDirectories(Mailbox.folderOf(spool, address));
        String name = String.format("%d-%06d", System.currentTimeMillis(), sequence.incrementAndGet());
        Path partial = folder.resolve(name + ".part");
        try (OutputStream out = Files.newOutputStream(partial)) {
            message.getMessage().writeTo(out);
        }
        // a reader never sees half a message
        Files.move(partial, folder.resolve(name + ".eml"), StandardCopyOption.ATOMIC_MOVE);
    }
}
