package app.convene.notification.delivery.service;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** A ticket code as the QR code the door scans: a black-and-white PNG (ZXing encodes, the JDK writes the PNG). */
public final class TicketImages {
    /** Pixels per module: a 33-module code with its margin makes a picture of about 300 pixels a side. */
    private static final int SCALE = 8;

    private TicketImages() {
    }

    public static byte[] png(String ticketCode) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(ticketCode, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("ticket code cannot be drawn as a QR code", e);
        }
        int side = modules.getWidth() * SCALE;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        // A row of samples per row of modules, written SCALE times: a pixel at a time through setRGB took twice as
        // long (C1 only, as the services run), and a burst's confirmations each draw one.
        WritableRaster raster = image.getRaster();
        int[] row = new int[side];
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < side; x++) {
                row[x] = modules.get(x / SCALE, y) ? 0 : 1;
            }
            for (int copy = 0; copy < SCALE; copy++) {
                raster.setSamples(0, y * SCALE + copy, side, 1, 0, row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
