package io.personastudio.interfaces.web.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TelegramLinkTest {

  private static final String TOKEN = "Zm9vYmFyLWJhei1xdXV4LXBlcnNvbmEtc3R1ZGlvLTQy_-x";

  @Test
  void theDeepLinkStartsTheBotWithTheToken() {
    assertThat(TelegramLink.link("PersonaStudioBot", TOKEN))
        .isEqualTo("https://t.me/PersonaStudioBot?start=" + TOKEN);
    assertThat(TelegramLink.link(" @PersonaStudioBot ", TOKEN))
        .as("a configured @ or blank is not part of the link")
        .isEqualTo("https://t.me/PersonaStudioBot?start=" + TOKEN);
  }

  @Test
  void theQrCodeDecodesToTheLinkWithAnIndependentReader() throws Exception {
    String link = TelegramLink.link("PersonaStudioBot", TOKEN);

    String dataUri = TelegramLink.qrDataUri(link);

    assertThat(dataUri).startsWith("data:image/png;base64,");
    BufferedImage image =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
    int w = image.getWidth();
    int h = image.getHeight();
    int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
    String decoded =
        new MultiFormatReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
            .getText();
    assertThat(decoded).isEqualTo(link);
    assertThat(w).as("square, whole modules and a quiet zone").isEqualTo(h);
    assertThat(w % TelegramLink.MODULE_PIXELS).isZero();
  }
}
