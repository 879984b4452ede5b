package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChartJsonTest {

  @Test
  void aNameCannotEndTheInlineScriptTheChartIsWrittenInto() {
    String json = "{\"labels\":[\"</script><img src=x onerror=alert(1)>&amp;\"]}";

    String inert = ChartJson.inert(json);

    assertThat(inert).doesNotContain("<", ">", "&");
    assertThat(inert)
        .isEqualTo(
            "{\"labels\":[\"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e"
                + "\\u0026amp;\"]}");
  }
}
