package dev.lade.dockerfile.scope;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The variables of a stage at one point of its evaluation.
 *
 * <p>{@link #env} is what expansion sees and what RUN gets: the base image's environment, then
 * every ENV and every ARG with a value, a later one replacing an earlier one of the same name
 * (so an ENV after an ARG overrides it). {@link #imageEnv} is the part that ends up in the
 * image config: the base image's environment and the ENVs. {@link #declaredArgs} are the ARG
 * names in scope, with or without a value; using one of them is never "undefined".
 *
 * <p>A stage built on an earlier stage ({@code FROM builder}) starts from that stage's final
 * state, so its ARGs stay in scope.
 *
 * <p>States are immutable and share structure: the state after an ENV or ARG costs O(log n) on
 * top of the one before, so a stage can keep the state of every instruction.
 */
public final class StageState {
  /** The {@code PATH} BuildKit gives a Linux image that has none. */
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final VariableScope env;
  private final VariableScope imageEnv;
  /** The declared ARG names as keys, in order of declaration; the values mean nothing. */
  private final VariableScope declared;

  /**
   * @param env the variables in effect
   * @param imageEnv the variables of the image config
   * @param declaredArgs the ARG names declared so far in this stage and its parent stages
   */
  public StageState(VariableScope env, VariableScope imageEnv, List<String> declaredArgs) {
    this(env, imageEnv, declare(VariableScope.empty(), declaredArgs));
  }

  private StageState(VariableScope env, VariableScope imageEnv, VariableScope declared) {
    this.env = env;
    this.imageEnv = imageEnv;
    this.declared = declared;
  }

  /**
   * The state at the start of a stage built on an image (or {@code scratch}) whose config has
   * this environment. Like BuildKit, a {@code PATH} is added when the image has none, except
   * for Windows images.
   *
   * @param configEnv the image config's {@code Env} entries ({@code KEY=VALUE})
   * @param os the image's operating system
   */
  public static StageState ofImage(List<String> configEnv, String os) {
    VariableScope env = VariableScope.ofEntries(configEnv);
    if (!env.contains("PATH") && !os.equals("windows")) env = env.with("PATH", DEFAULT_PATH);
    return new StageState(env, env, VariableScope.empty());
  }

  /** The variables in effect: what expansion sees and what RUN gets. */
  public VariableScope env() {
    return env;
  }

  /** The variables of the image config: the base image's and the ENVs. */
  public VariableScope imageEnv() {
    return imageEnv;
  }

  /** The ARG names declared so far in this stage and its parent stages, in order, as an unmodifiable view. */
  public Set<String> declaredArgs() {
    return declared.names();
  }

  /** This state after {@code ENV name=value}. */
  StageState withEnv(String name, String value) {
    return new StageState(env.with(name, value), imageEnv.with(name, value), declared);
  }

  /** This state after {@code ARG name}, with the value it resolved to, if any. */
  StageState withArg(String name, Optional<String> value) {
    VariableScope e = value.isPresent() && !NonEnvArgs.contains(name) ? env.with(name, value.get()) : env;
    return new StageState(e, imageEnv, declared.contains(name) ? declared : declared.with(name, ""));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StageState s && env.equals(s.env) && imageEnv.equals(s.imageEnv)
        && List.copyOf(declaredArgs()).equals(List.copyOf(s.declaredArgs()));
  }

  @Override
  public int hashCode() {
    return Objects.hash(env, imageEnv, declaredArgs());
  }

  @Override
  public String toString() {
    return "StageState[env=" + env + ", imageEnv=" + imageEnv + ", declaredArgs=" + declaredArgs() + "]";
  }

  private static VariableScope declare(VariableScope declared, List<String> names) {
    for (String name : names) declared = declared.with(name, "");
    return declared;
  }
}
