package io.personastudio.interfaces.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

  public record Persona(String name, int messages) {}

  private final RecordElResolver resolver = new RecordElResolver();
  private final ELContext context = new BareContext();

  @Test
  void readsARecordComponentByName() {
    Object name = resolver.getValue(context, new Persona("Mira", 12), "name");

    assertThat(name).isEqualTo("Mira");
    assertThat(context.isPropertyResolved()).isTrue();
  }

  @Test
  void leavesUnknownPropertiesAndOtherObjectsToTheNextResolver() {
    assertThat(resolver.getValue(context, new Persona("Mira", 12), "email")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
    assertThat(resolver.getValue(context, "a string", "name")).isNull();
    assertThat(context.isPropertyResolved()).isFalse();
  }

  @Test
  void recordsAreReadOnly() {
    Persona persona = new Persona("Mira", 12);

    assertThat(resolver.isReadOnly(context, persona, "messages")).isTrue();
    assertThatThrownBy(() -> resolver.setValue(context, persona, "name", "Eve"))
        .isInstanceOf(PropertyNotWritableException.class)
        .hasMessageContaining("read-only");
  }

  private static final class BareContext extends ELContext {
    @Override
    public ELResolver getELResolver() {
      return null;
    }

    @Override
    public FunctionMapper getFunctionMapper() {
      return null;
    }

    @Override
    public VariableMapper getVariableMapper() {
      return null;
    }
  }
}
