package io.personastudio.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API root. Callers authenticate with MicroProfile JWT bearer tokens from {@code POST
 * /api/v1/auth/token}; this class must stay a CDI bean for MP-JWT to find its login config.
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles("user")
public class RestApplication extends Application {}
