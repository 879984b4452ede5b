package io.personastudio.interfaces.web.tokens;

import io.nayuki.qrcodegen.QrCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Telegram deep link that hands a token to the bot ({@code https://t.me/<bot>?start=<token>})
 * and its QR code, drawn here as a PNG data URI: no third party ever sees the token.
 */
@ApplicationScoped
public class TelegramLink {

  static final int MODULE_PIXELS = 6;
  static final int QUIET_MODULES = 4;

  @Inject
  @ConfigProperty(name = "persona.telegram.bot-username")
  String botUsername;

  public String deepLink(String token) {
    return link(botUsername, token);
  }

  static String link(String bot, String token) {
    // tokens are URL-safe base64 (A-Z a-z 0-9 - _): nothing to escape
    return "https://t.me/" + bot.strip().replaceFirst("^@", "") + "?start=" + token;
  }

  /** The QR code of {@code text} as {@code data:image/png;base64,…}. */
  public static String qrDataUri(String text) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int side = (qr.size + 2 * QUIET_MODULES) * MODULE_PIXELS;
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        boolean dark =
            qr.getModule(x / MODULE_PIXELS - QUIET_MODULES, y / MODULE_PIXELS - QUIET_MODULES);
        image.setRGB(x, y, dark ? 0x000000 : 0xFFFFFF);
      }
    }
    try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", png);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
