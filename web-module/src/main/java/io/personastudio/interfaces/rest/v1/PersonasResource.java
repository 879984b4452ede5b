package io.personastudio.interfaces.rest.v1;

import io.personastudio.application.chat.PersonaRuntime;
import io.personastudio.application.persona.NewPersona;
import io.personastudio.application.persona.ParticipantView;
import io.personastudio.application.persona.PersonaService;
import io.personastudio.application.persona.PersonaView;
import io.personastudio.domain.DomainException;
import io.personastudio.interfaces.web.UploadFolder;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The caller's personas: create from an upload, list, read, retrain, delete, chat. */
@Path("v1/personas")
@DenyAll
@Produces(MediaType.APPLICATION_JSON)
public class PersonasResource {

  @Inject PersonaService personas;
  @Inject PersonaRuntime runtime;
  @Inject UploadFolder uploads;

  @Context SecurityContext security;
  @Context UriInfo uri;

  /** What the chat endpoint takes: the conversation so far, the last message last. */
  public record ChatRequest(List<String> messages) {}

  /** The persona's answer. */
  public record ChatReply(String reply) {}

  @GET
  @RolesAllowed("user")
  public List<PersonaView> list() {
    return personas.list(Caller.of(security));
  }

  @GET
  @Path("{id}")
  @RolesAllowed("user")
  public PersonaView find(@PathParam("id") UUID id) {
    return personas
        .find(Caller.of(security), id)
        .orElseThrow(() -> DomainException.notFound("No such persona."));
  }

  /**
   * Multipart: {@code file} (the chat export), {@code name}, {@code person} (participant name or
   * id), {@code consent} (required, {@code true}: the caller may use this chat and the person they
   * imitate has agreed to it; recorded with the upload), {@code scrub} (true/false, default true),
   * {@code seed} (optional: the same seed and chat train the same model, for reproducible runs and
   * benchmarks).
   */
  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed("user")
  public Response create(List<EntityPart> parts) throws IOException {
    UUID owner = Caller.of(security);
    EntityPart file =
        part(parts, "file")
            .orElseThrow(() -> DomainException.invalid("The multipart field 'file' is required."));
    NewPersona request =
        new NewPersona(
            text(parts, "name").orElse(null),
            text(parts, "person").orElse(null),
            text(parts, "scrub").map(Boolean::parseBoolean).orElse(true),
            text(parts, "seed").map(PersonasResource::seed).orElse(null),
            text(parts, "consent").map(v -> v.strip().equalsIgnoreCase("true")).orElse(false));
    java.nio.file.Path upload = store(file);
    PersonaView created;
    try {
      created = personas.create(owner, request, upload, file.getFileName().orElse("upload"));
    } finally {
      uploads.delete(upload); // moved away on success; deleted on refusal
    }
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(created)
        .build();
  }

  /** Multipart {@code file}: who writes in the chat, with statistics; nothing is kept. */
  @POST
  @Path("participants")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed("user")
  public List<ParticipantView> participants(List<EntityPart> parts) {
    Caller.of(security);
    EntityPart file =
        part(parts, "file")
            .orElseThrow(() -> DomainException.invalid("The multipart field 'file' is required."));
    java.nio.file.Path upload = store(file);
    try {
      return personas.participants(upload, file.getFileName().orElse("upload"));
    } finally {
      uploads.delete(upload);
    }
  }

  @POST
  @Path("{id}/retrain")
  @RolesAllowed("user")
  public PersonaView retrain(@PathParam("id") UUID id) {
    return personas.retrain(Caller.of(security), id);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("user")
  public Response delete(@PathParam("id") UUID id) {
    personas.delete(Caller.of(security), id);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/chat")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("user")
  public ChatReply chat(@PathParam("id") UUID id, ChatRequest request) {
    List<String> messages =
        request == null || request.messages() == null ? List.of() : request.messages();
    return new ChatReply(runtime.reply(Caller.of(security), id, messages));
  }

  private java.nio.file.Path store(EntityPart file) {
    try (InputStream content = file.getContent()) {
      return uploads.store(content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Long seed(String value) {
    try {
      long seed = Long.parseLong(value.strip());
      if (seed >= 0) {
        return seed;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw DomainException.invalid("The seed must be a whole number from 0, got '" + value + "'.");
  }

  private static Optional<EntityPart> part(List<EntityPart> parts, String name) {
    return parts == null
        ? Optional.empty()
        : parts.stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  private static Optional<String> text(List<EntityPart> parts, String name) {
    return part(parts, name)
        .map(
            p -> {
              try {
                return p.getContent(String.class);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }
}
