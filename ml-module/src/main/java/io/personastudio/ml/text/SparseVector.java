package io.personastudio.ml.text;

import java.util.Arrays;

/** A sparse vector with sorted indices; cosine is a merge of two sorted lists. */
public record SparseVector(int[] indices, float[] values) {
  public static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

  public float dot(SparseVector other) {
    int i = 0;
    int j = 0;
    float sum = 0;
    int[] a = indices;
    int[] b = other.indices;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        sum += values[i++] * other.values[j++];
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return sum;
  }

  public boolean isEmpty() {
    return indices.length == 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseVector v
        && Arrays.equals(indices, v.indices)
        && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(indices) * 31 + Arrays.hashCode(values);
  }
}
