package dev.lade.dockerfile.ast;

import dev.lade.dockerfile.text.GoQuote;
import java.util.ArrayList;
import java.util.List;

/** RUN with its {@code --mount}, {@code --network} and {@code --security} flags. */
final class RunParser {
  private static final FlagSpec FLAGS =
      new FlagSpec().strings("mount").string("network").string("security");

  private RunParser() {}

  static Run run(InstructionRequest req) {
    ParsedFlags flags = req.parseFlags(FLAGS);
    List<Mount> mounts = mounts(flags.strings("mount"));
    NetworkMode network = network(flags.string("network").orElse("default"));
    SecurityMode security = security(flags.string("security").orElse("sandbox"));
    return new Run(req.commandLine(), req.heredocs(), mounts, network, security, req.location(),
        req.code());
  }

  private static List<Mount> mounts(List<String> values) {
    List<Mount> mounts = new ArrayList<>();
    int ssh = 0;
    for (String value : values) {
      Mount mount;
      try {
        mount = MountParser.parse(value, ssh);
      } catch (InvalidInstructionException e) {
        throw new InvalidInstructionException(e.getMessage(), value);
      }
      if (mount instanceof Mount.Ssh) ssh++;
      mounts.add(mount);
    }
    return mounts;
  }

  private static NetworkMode network(String value) {
    return switch (value) {
      case "default" -> NetworkMode.DEFAULT;
      case "none" -> NetworkMode.NONE;
      case "host" -> NetworkMode.HOST;
      default -> throw new InvalidInstructionException(
          "invalid network mode " + GoQuote.quote(value), "--network");
    };
  }

  private static SecurityMode security(String value) {
    return switch (value) {
      case "sandbox" -> SecurityMode.SANDBOX;
      case "insecure" -> SecurityMode.INSECURE;
      default -> throw new InvalidInstructionException(
          "security " + GoQuote.quote(value) + " is not valid", "--security");
    };
  }
}
