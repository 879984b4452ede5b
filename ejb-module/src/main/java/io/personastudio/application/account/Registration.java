package io.personastudio.application.account;

/** What a person submits to open an account. */
public record Registration(String email, String displayName, String password) {}
