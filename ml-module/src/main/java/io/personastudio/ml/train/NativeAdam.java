package io.personastudio.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam on the engine's fused kernel with its moments held by parameter name in native memory, so
 * they can be exported with the parameters into a checkpoint and a resumed run continues bit for
 * bit (DJL's stock Adam cannot export its state).
 */
final class NativeAdam {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final float learningRate;
  private final float clip;
  private final Map<String, NDArray> first = new LinkedHashMap<>();
  private final Map<String, NDArray> second = new LinkedHashMap<>();

  NativeAdam(float learningRate) {
    this(learningRate, -1f);
  }

  /** With element-wise gradient clipping at {@code clip} (negative = none). */
  NativeAdam(float learningRate, float clip) {
    this.learningRate = learningRate;
    this.clip = clip;
  }

  /** Registers moments (zeros or restored from a checkpoint) for a parameter. */
  void init(String name, NDArray m, NDArray v) {
    first.put(name, m);
    second.put(name, v);
  }

  /**
   * One update for the 1-based step t with the engine's fused Adam kernel, called exactly as DJL's
   * stock Adam calls it, but on moments this class owns.
   */
  void update(String name, NDArray param, NDArray grad, long t) {
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
    param
        .getNDArrayInternal()
        .adamUpdate(
            new NDList(param, grad, first.get(name), second.get(name)),
            new NDList(param),
            learningRate,
            corrected,
            0f,
            1f,
            clip,
            BETA1,
            BETA2,
            EPSILON,
            true,
            false);
  }

  Map<String, float[]> exportFirst() {
    return export(first);
  }

  Map<String, float[]> exportSecond() {
    return export(second);
  }

  private static Map<String, float[]> export(Map<String, NDArray> moments) {
    Map<String, float[]> out = new LinkedHashMap<>();
    moments.forEach((k, a) -> out.put(k, a.toFloatArray()));
    return out;
  }
}
