package dev.lade.cli;

import dev.lade.cli.ClassFileAnnotations.Annotation;
import dev.lade.cli.ClassFileAnnotations.ClassLiteral;
import dev.lade.cli.ClassFileAnnotations.EnumConstant;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * picocli's model of an annotated lade command, built from the annotations in its class file
 * ({@link ClassFileAnnotations}) through picocli's programmatic API, so that the JDK never makes the annotation proxies
 * whose generation was most of a start's model building (bench/RESULTS.md). The annotations stay the one definition
 * of every command; this reads the subset of picocli's elements lade uses, and answers empty for a command that uses
 * any other, which then gets picocli's own reflective model.
 */
final class AnnotatedCommandSpecs {
  private static final String PICOCLI = "picocli.CommandLine$";
  private static final Set<String> COMMAND_ELEMENTS = Set.of("name", "description", "mixinStandardHelpOptions",
      "versionProvider");
  private static final Set<String> OPTION_ELEMENTS = Set.of("names", "description", "paramLabel", "defaultValue",
      "arity", "scope", "converter");
  private static final Set<String> PARAMETER_ELEMENTS = Set.of("index", "description", "paramLabel", "defaultValue",
      "arity", "converter");

  private AnnotatedCommandSpecs() {}

  /** Thrown inside when a command uses what this does not read. */
  private static final class Unsupported extends Exception {
    Unsupported(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * The model of {@code command}, with its {@code @Spec} field set, or empty when its annotations use what this does
   * not read. {@code parent} is what its {@code @ParentCommand} field gets.
   */
  static Optional<CommandSpec> of(Object command, Object parent) {
    try {
      return Optional.of(build(command, parent));
    } catch (Unsupported | IOException | ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * What picocli is given for {@code command}: its model from the class file, else the command itself for picocli's
   * own reflection.
   */
  static Object model(Object command, Object parent) {
    return of(command, parent).<Object>map(spec -> spec).orElse(command);
  }

  /** A new instance of {@code type} through its no-argument constructor, private or not, as picocli's factory. */
  private static Object instantiate(Class<?> type) throws ReflectiveOperationException {
    var constructor = type.getDeclaredConstructor();
    constructor.setAccessible(true);
    return constructor.newInstance();
  }

  private static CommandSpec build(Object command, Object parent)
      throws Unsupported, IOException, ReflectiveOperationException {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    addMembers(spec, command, parent);
    return spec;
  }

  /** The annotated members of {@code owner}'s class and its superclasses, as picocli's reflection: superclass first. */
  private static void addMembers(CommandSpec spec, Object owner, Object parent)
      throws Unsupported, IOException, ReflectiveOperationException {
    List<Class<?>> hierarchy = new ArrayList<>();
    for (Class<?> c = owner.getClass(); c != Object.class; c = c.getSuperclass()) hierarchy.add(0, c);
    for (Class<?> type : hierarchy) {
      ClassFileAnnotations annotations = ClassFileAnnotations.of(type);
      Annotation command = only(annotations.type(), "Command");
      if (command != null && type != owner.getClass()) throw new Unsupported("@Command on a superclass");
      if (command != null) applyCommand(spec, command);
      for (Annotation onMethod : annotations.methods()) {
        if (onMethod.typeName().startsWith(PICOCLI)) throw new Unsupported("picocli annotations on methods");
      }
      addFields(spec, owner, type, annotations, parent);
    }
  }

  private static void addFields(CommandSpec spec, Object owner, Class<?> type, ClassFileAnnotations annotations,
      Object parent) throws Unsupported, IOException, ReflectiveOperationException {
    for (Map.Entry<String, List<Annotation>> member : annotations.fields().entrySet()) {
      if (member.getValue().isEmpty()) continue;
      Annotation annotation = only(member.getValue(), null);
      Field field = type.getDeclaredField(member.getKey());
      switch (annotation.typeName().substring(PICOCLI.length())) {
        case "Option" -> spec.addOption(option(annotation, owner, field));
        case "Parameters" -> spec.addPositional(positional(annotation, owner, field));
        case "Spec" -> FieldBinding.of(owner, field).set(spec(spec, annotation));
        case "ParentCommand" -> FieldBinding.of(owner, field).set(parent);
        case "Mixin" -> {
          if (!annotation.values().isEmpty()) throw new Unsupported("@Mixin elements");
          FieldBinding binding = FieldBinding.of(owner, field);
          Object mixin = binding.get();
          if (mixin == null) {
            mixin = instantiate(field.getType());
            binding.set(mixin);
          }
          CommandSpec mixinSpec = CommandSpec.wrapWithoutInspection(mixin);
          addMembers(mixinSpec, mixin, parent);
          spec.addMixin(member.getKey(), mixinSpec);
        }
        default -> throw new Unsupported(annotation.typeName());
      }
    }
  }

  /** What a {@code @Spec} field gets: the spec of its own class (picocli's default; MIXEE is not read). */
  private static CommandSpec spec(CommandSpec own, Annotation annotation) throws Unsupported {
    if (!annotation.values().isEmpty()) throw new Unsupported("@Spec elements");
    return own;
  }

  /** The one annotation of {@code annotations}, which must be picocli's ({@code simpleName} if given), or null. */
  private static Annotation only(List<Annotation> annotations, String simpleName) throws Unsupported {
    if (annotations.isEmpty()) return null;
    if (annotations.size() > 1) throw new Unsupported("more than one annotation");
    Annotation annotation = annotations.get(0);
    if (!annotation.typeName().startsWith(PICOCLI)
        || (simpleName != null && !annotation.typeName().equals(PICOCLI + simpleName))) {
      throw new Unsupported(annotation.typeName());
    }
    return annotation;
  }

  private static void applyCommand(CommandSpec spec, Annotation command) throws Unsupported,
      ReflectiveOperationException {
    Map<String, Object> values = checked(command, COMMAND_ELEMENTS);
    if (values.containsKey("name")) spec.name((String) values.get("name"));
    if (values.containsKey("description")) spec.usageMessage().description(strings(values.get("description")));
    if (values.containsKey("versionProvider")) {
      spec.versionProvider((CommandLine.IVersionProvider)
          instantiate(Class.forName(((ClassLiteral) values.get("versionProvider")).typeName())));
    }
    if (Boolean.TRUE.equals(values.get("mixinStandardHelpOptions"))) {
      // As picocli's AutoHelpMixin, without reflecting on it.
      CommandSpec helpOptions = CommandSpec.create();
      helpOptions.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).paramLabel("<helpRequested>")
          .type(boolean.class).hasInitialValue(true).initialValue(false)
          .description("Show this help message and exit.").build());
      helpOptions.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).paramLabel("<versionRequested>")
          .type(boolean.class).hasInitialValue(true).initialValue(false)
          .description("Print version information and exit.").build());
      spec.addMixin("mixinStandardHelpOptions", helpOptions);
    }
  }

  // Initial values are not given: each invocation has new command objects, whose fields hold them, so picocli's reset
  // to them before parsing has nothing to undo, and reading them made a reflective accessor for every field.

  private static OptionSpec option(Annotation option, Object owner, Field field)
      throws Unsupported, ReflectiveOperationException {
    Map<String, Object> values = checked(option, OPTION_ELEMENTS);
    Argument argument = Argument.of(values, owner, field);
    OptionSpec.Builder builder = OptionSpec.builder(strings(values.get("names")))
        .description(argument.description()).paramLabel(argument.paramLabel()).defaultValue(argument.defaultValue())
        .converters(argument.converters()).type(field.getType()).auxiliaryTypes(typeArguments(field))
        .hasInitialValue(false).getter(argument.binding()).setter(argument.binding());
    if (argument.arity() != null) builder.arity(argument.arity());
    if (values.get("scope") instanceof EnumConstant scope) {
      builder.scopeType(CommandLine.ScopeType.valueOf(scope.name()));
    }
    return builder.build();
  }

  private static PositionalParamSpec positional(Annotation parameters, Object owner, Field field)
      throws Unsupported, ReflectiveOperationException {
    Map<String, Object> values = checked(parameters, PARAMETER_ELEMENTS);
    Argument argument = Argument.of(values, owner, field);
    PositionalParamSpec.Builder builder = PositionalParamSpec.builder()
        .description(argument.description()).paramLabel(argument.paramLabel()).defaultValue(argument.defaultValue())
        .converters(argument.converters()).type(field.getType()).auxiliaryTypes(typeArguments(field))
        .hasInitialValue(false).getter(argument.binding()).setter(argument.binding());
    // As picocli's reflection (Range.defaultArity): one value, or any number for a multi-value field.
    boolean multiValue = Collection.class.isAssignableFrom(field.getType()) || field.getType().isArray();
    CommandLine.Range arity = CommandLine.Range.valueOf(
        argument.arity() != null ? argument.arity() : multiValue ? "0..1" : "1");
    builder.arity(arity).required(arity.min() > 0);
    if (values.containsKey("index")) builder.index((String) values.get("index"));
    return builder.build();
  }

  /** The elements options and positional parameters share (picocli's defaults where unset), and their field. */
  private record Argument(String[] description, String paramLabel, String defaultValue, String arity,
      CommandLine.ITypeConverter<?>[] converters, FieldBinding binding) {
    static Argument of(Map<String, Object> values, Object owner, Field field) throws ReflectiveOperationException {
      List<?> converterClasses = values.get("converter") instanceof List<?> list ? list : List.of();
      CommandLine.ITypeConverter<?>[] converters = new CommandLine.ITypeConverter<?>[converterClasses.size()];
      for (int i = 0; i < converters.length; i++) {
        converters[i] = (CommandLine.ITypeConverter<?>)
            instantiate(Class.forName(((ClassLiteral) converterClasses.get(i)).typeName()));
      }
      return new Argument(values.containsKey("description") ? strings(values.get("description")) : new String[0],
          // As picocli's label for an unlabelled value: the field's name.
          (String) values.getOrDefault("paramLabel", "<" + field.getName() + ">"), (String) values.get("defaultValue"), (String) values.get("arity"),
          converters, FieldBinding.of(owner, field));
    }
  }

  /**
   * Reads and writes the annotated field, as picocli's own (package-private) binding does, through a VarHandle rather
   * than {@link Field#get} and {@link Field#set}: a Field's accessor adapts a method handle to {@code Object}, and
   * adapting spins lambda form classes at run time, which no start-up cache holds (6-10 ms of every start). A VarHandle
   * called with the erased types of its field runs without adapting: references as {@code Object}, the two primitive
   * types lade's commands use as themselves.
   */
  private record FieldBinding(Object owner, VarHandle handle, Class<?> type) implements CommandLine.Model.IGetter,
      CommandLine.Model.ISetter {
    static FieldBinding of(Object owner, Field field) throws IllegalAccessException {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
      return new FieldBinding(owner, lookup.unreflectVarHandle(field), field.getType());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> V get() {
      if (type == boolean.class) return (V) (Boolean) (boolean) handle.get(owner);
      if (type == int.class) return (V) (Integer) (int) handle.get(owner);
      return (V) (Object) handle.get(owner);
    }

    @Override
    public <V> V set(V value) {
      V previous = get();
      if (type == boolean.class) {
        handle.set(owner, (boolean) (Boolean) value);
      } else if (type == int.class) {
        handle.set(owner, (int) (Integer) value);
      } else {
        handle.set(owner, (Object) value);
      }
      return previous;
    }
  }

  /** A {@code List<Path>}'s {@code Path}: picocli converts each value to it. */
  private static Class<?>[] typeArguments(Field field) {
    if (!(field.getGenericType() instanceof ParameterizedType parameterized)) return new Class<?>[] {field.getType()};
    Type[] arguments = parameterized.getActualTypeArguments();
    Class<?>[] classes = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      classes[i] = arguments[i] instanceof Class<?> c ? c : String.class;
    }
    return classes;
  }

  private static Map<String, Object> checked(Annotation annotation, Set<String> known) throws Unsupported {
    for (String element : annotation.values().keySet()) {
      if (!known.contains(element)) throw new Unsupported(annotation.typeName() + "." + element);
    }
    return annotation.values();
  }

  private static String[] strings(Object value) {
    return ((List<?>) value).toArray(String[]::new);
  }
}
