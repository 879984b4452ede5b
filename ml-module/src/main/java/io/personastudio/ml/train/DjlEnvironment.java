package io.personastudio.ml.train;

/**
 * Keeps DJL on loopback: offline mode (no model-zoo or native downloads) and no usage tracking.
 * Must run before the first DJL class initialises; every entry point that trains calls it.
 */
public final class DjlEnvironment {
  private DjlEnvironment() {}

  public static void secure() {
    System.setProperty("offline", "true");
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("OPT_OUT_TRACKING", "true");
    System.setProperty("DJL_OFFLINE", "true");
  }
}
