package dev.lade.dockerfile.scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * @param env the variables in effect
 * @param imageEnv the variables of the image config
 * @param declaredArgs the ARG names declared so far in this stage and its parent stages
 */
public record StageState(VariableScope env, VariableScope imageEnv, List<String> declaredArgs) {
  /** The {@code PATH} BuildKit gives a Linux image that has none. */
  public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  public StageState {
    declaredArgs = List.copyOf(declaredArgs);
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
    return new StageState(env, env, List.of());
  }

  /** This state after {@code ENV name=value}. */
  StageState withEnv(String name, String value) {
    return new StageState(env.with(name, value), imageEnv.with(name, value), declaredArgs);
  }

  /** This state after {@code ARG name}, with the value it resolved to, if any. */
  StageState withArg(String name, Optional<String> value) {
    List<String> declared = new ArrayList<>(declaredArgs);
    if (!declared.contains(name)) declared.add(name);
    VariableScope e = value.isPresent() && !NonEnvArgs.contains(name) ? env.with(name, value.get()) : env;
    return new StageState(e, imageEnv, declared);
  }
}
