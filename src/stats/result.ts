/**
 * The shape every statistic takes when it cannot be computed: a stated reason in place of a
 * number, never NaN or null. Results that can fail are `Outcome<T>`: either `{ ok: true, ...T }`
 * or `{ ok: false, reason }`.
 */
export interface Unavailable {
  readonly ok: false;
  /** Why the statistic cannot be computed, e.g. `group "LBP" has fewer than 2 values`. */
  readonly reason: string;
}

/** A computed result (`ok: true` plus its fields) or the reason it could not be computed. */
export type Outcome<T extends object> = (T & { readonly ok: true }) | Unavailable;

/** Builds an {@link Unavailable} result. */
export function unavailable(reason: string): Unavailable {
  return { ok: false, reason };
}

/** Direction of the alternative hypothesis, named as R names it (`alternative =` in `t.test`). */
export type Alternative = 'two.sided' | 'less' | 'greater';

/**
 * A confidence interval. For a one-sided alternative the open bound is `-Infinity` (less) or
 * `Infinity` (greater), as R reports `-Inf` / `Inf`. `level` is the confidence level achieved,
 * which for exact rank intervals can differ from the one requested (R's `conf.level` attribute).
 */
export interface ConfidenceInterval {
  readonly lower: number;
  readonly upper: number;
  readonly level: number;
}
