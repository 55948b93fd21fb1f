package dev.lade.dockerfile.ast;

/**
 * What is wrong with one instruction, before it is located: the converter that catches it adds
 * the file position. Messages are BuildKit's.
 */
final class InvalidInstructionException extends RuntimeException {
  private final String near;

  /** @param near the text the error is about (a flag, an argument), used to find the column */
  InvalidInstructionException(String reason, String near) {
    super(reason, null, false, false);
    this.near = near;
  }

  InvalidInstructionException(String reason) {
    this(reason, null);
  }

  /** The text to point at, or null for the instruction as a whole. */
  String near() {
    return near;
  }

  static InvalidInstructionException atLeastOneArgument(String command) {
    return new InvalidInstructionException(command + " requires at least one argument");
  }

  static InvalidInstructionException exactlyOneArgument(String command) {
    return new InvalidInstructionException(command + " requires exactly one argument");
  }

  static InvalidInstructionException noDestination(String command) {
    return new InvalidInstructionException(command
        + " requires at least two arguments, but only one was provided. Destination could not be determined");
  }

  static InvalidInstructionException blankNames(String command) {
    return new InvalidInstructionException(command + " names can not be blank");
  }

  static InvalidInstructionException tooManyArguments(String command) {
    return new InvalidInstructionException("Bad input to " + command + ", too many arguments");
  }

  static InvalidInstructionException badHeredoc(String command, String option, String near) {
    return new InvalidInstructionException(command + " cannot accept a heredoc as " + option, near);
  }

  static InvalidInstructionException notJson(String command) {
    return new InvalidInstructionException(command + " requires the arguments to be in JSON form");
  }
}
