package io.personastudio.ml.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam kept in Java by parameter name, so its moments are saved with the parameters and a resumed
 * run continues bit for bit (DJL's stock Adam cannot export its state).
 */
final class AdamState {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final float learningRate;
  final Map<String, float[]> first = new LinkedHashMap<>();
  final Map<String, float[]> second = new LinkedHashMap<>();

  AdamState(float learningRate) {
    this.learningRate = learningRate;
  }

  /** Applies one update for the 1-based step t. */
  void update(String name, float[] param, float[] grad, long t) {
    float[] m = first.computeIfAbsent(name, k -> new float[param.length]);
    float[] v = second.computeIfAbsent(name, k -> new float[param.length]);
    float c1 = (float) (1 - Math.pow(BETA1, t));
    float c2 = (float) (1 - Math.pow(BETA2, t));
    float step = learningRate / c1;
    float invSqrtC2 = (float) (1 / Math.sqrt(c2));
    for (int i = 0; i < param.length; i++) {
      float g = grad[i];
      float mi = BETA1 * m[i] + (1 - BETA1) * g;
      float vi = BETA2 * v[i] + (1 - BETA2) * g * g;
      m[i] = mi;
      v[i] = vi;
      param[i] -= step * mi / ((float) Math.sqrt(vi) * invSqrtC2 + EPSILON);
    }
  }
}
